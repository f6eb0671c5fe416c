import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureName } from '../../src/core/options.js';
import type { DoctorReport } from '../../src/doctor/run-doctor.js';
import { doctorChecks } from '../../src/doctor/registry.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';
import { pairwiseCombinations } from '../helpers/combinations.js';
import { audit, fakeRunner, freshTree, gitAnswers, type Preset } from './helpers.js';

const commandChecks = ['tests-pass', 'dependency-audit'];
/** Checks that pass only with an optional feature; without it they warn and name the `add`. */
const featureChecks: Record<string, FeatureName> = { 'error-tracking': 'sentry', monitoring: 'metrics' };
const staticChecks = doctorChecks.map((c) => c.id).filter((id) => !commandChecks.includes(id));
const expectedWarnings = (features: readonly FeatureName[]) =>
  doctorChecks.map((c) => c.id).filter((id) => commandChecks.includes(id) || (featureChecks[id] !== undefined && !features.includes(featureChecks[id])));

const cleanAudit = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {},
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 }, dependencies: { total: 321 } },
});

describe.each(['minimal', 'standard', 'full'] as Preset[])('a fresh %s project', (preset) => {
  let report: DoctorReport;
  let gitReport: DoctorReport;

  beforeAll(async () => {
    const tree = freshTree(preset);
    // What an installed project has on disk besides the generated files.
    tree.write('node_modules/.package-lock.json', '{}');
    tree.write('package-lock.json', '{}');
    const run = fakeRunner({
      ...gitAnswers(tree.files().filter((path) => !path.startsWith('node_modules/'))),
      'npm test': { stdout: ' Test Files  12 passed (12)\n      Tests  140 passed (140)\n' },
      'npm audit --json': { exitCode: 0, stdout: cleanAudit },
    });
    gitReport = await audit(tree, { run, runTests: true, audit: true });
    report = await audit(freshTree(preset));
  });

  const features = presetOptions(preset).features;

  it.each(staticChecks)('passes %s (or warns without the feature it needs)', (id) => {
    const result = report.results.find((r) => r.id === id);
    const absent = featureChecks[id] !== undefined && !features.includes(featureChecks[id]);
    expect(result, JSON.stringify(result)).toMatchObject(absent ? { status: 'warn', fix: expect.stringContaining(`solid-backend add ${featureChecks[id]}`) } : { status: 'pass' });
  });

  it('passes every check, tests and audit included, inside a git repository (but the optional features it lacks)', () => {
    expect(gitReport.results.filter((r) => r.status !== 'pass').map((r) => r.id)).toEqual(expectedWarnings(features).filter((id) => !commandChecks.includes(id)));
    expect(gitReport.ok).toBe(true);
    expect(gitReport.results.find((r) => r.id === 'secrets')?.detail).toMatch(/files git tracks/);
    expect(gitReport.results.find((r) => r.id === 'tests-pass')?.detail).toMatch(/140 passed/);
  });

  it('has no fail with tests and audit skipped, and says they were skipped', () => {
    expect(report.ok).toBe(true);
    expect(report.results.map((r) => r.id)).toEqual(doctorChecks.map((c) => c.id));
    expect(report.results.filter((r) => r.status === 'warn').map((r) => r.id)).toEqual(expectedWarnings(features));
    expect(report.results.filter((r) => commandChecks.includes(r.id)).map((r) => [r.id, r.detail])).toEqual([
      ['tests-pass', 'not run (tests skipped)'],
      ['dependency-audit', 'not run (audit skipped)'],
    ]);
    expect(report.results.find((r) => r.id === 'secrets')?.detail).toMatch(/not a git repository/);
  });
});

describe('every pairwise combination of options', () => {
  it('generates a project with no fail', async () => {
    for (const options of pairwiseCombinations()) {
      const report = await audit(generateTree(options).tree);
      expect(report.results.filter((r) => r.status === 'fail'), JSON.stringify(options)).toEqual([]);
      expect(report.results.filter((r) => r.status === 'warn').map((r) => r.id)).toEqual(expectedWarnings(options.features));
    }
  });
});
