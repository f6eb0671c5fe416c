import { describe, expect, it } from 'vitest';
import { auditTimeoutMs } from '../../src/doctor/checks/audit.js';
import type { MemoryTree } from '../../src/tree/memory-tree.js';
import { check, fakeRunner, freshTree } from './helpers.js';

function locked(): MemoryTree {
  const tree = freshTree('minimal');
  tree.write('package-lock.json', '{}');
  return tree;
}

/** What npm 11 prints when the registry refuses the bulk advisory endpoint, as this machine's does. */
const refusal = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  statusCode: 405,
  body: '',
  error: { summary: '', detail: '' },
});

function report(counts: Partial<Record<'low' | 'moderate' | 'high' | 'critical', number>>, vulnerabilities: Record<string, { severity: string }> = {}): string {
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts }, dependencies: { total: 200 } },
  });
}

describe('dependency-audit', () => {
  it('warns "could not check" when the registry refuses the audit, never fails', async () => {
    const run = fakeRunner({ 'npm audit --json': { exitCode: 1, stdout: refusal, stderr: 'npm error audit endpoint returned an error' } });
    const result = await check(locked(), 'dependency-audit', { run, audit: true });
    expect(result.status).toBe('warn');
    expect(result.detail).toBe('could not check: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk');
    expect(run.calls).toEqual([{ command: 'npm audit --json', cwd: '/project', timeoutMs: auditTimeoutMs }]);
  });

  it('warns "could not check" when the registry does not answer in time', async () => {
    const run = fakeRunner({ 'npm audit --json': { exitCode: undefined, timedOut: true } });
    expect((await check(locked(), 'dependency-audit', { run, audit: true })).detail).toBe('could not check: the registry did not answer within 30 s');
  });

  it('warns "could not check" on output that is not a report', async () => {
    const run = fakeRunner({ 'npm audit --json': { exitCode: 1, stdout: '', stderr: 'npm error code ENOTFOUND\nnpm error network request failed' } });
    expect((await check(locked(), 'dependency-audit', { run, audit: true })).detail).toBe('could not check: npm error code ENOTFOUND');
    const enolock = fakeRunner({ 'npm audit --json': { exitCode: 1, stdout: JSON.stringify({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.' } }) } });
    expect((await check(locked(), 'dependency-audit', { run: enolock, audit: true })).detail).toBe('could not check: This command requires an existing lockfile.');
  });

  it('warns "could not check" without a lockfile, without running npm', async () => {
    const run = fakeRunner();
    expect((await check(freshTree('minimal'), 'dependency-audit', { run, audit: true })).detail).toBe('could not check: no package-lock.json to audit (run npm install)');
    expect(run.calls).toEqual([]);
  });

  it('fails on high or critical advisories, naming the packages', async () => {
    const run = fakeRunner({ 'npm audit --json': { exitCode: 1, stdout: report({ high: 1, critical: 1, low: 2 }, { 'fast-xml-parser': { severity: 'critical' }, tar: { severity: 'high' }, debug: { severity: 'low' } }) } });
    const result = await check(locked(), 'dependency-audit', { run, audit: true });
    expect(result).toMatchObject({ status: 'fail', detail: '2 high/critical: fast-xml-parser (critical), tar (high)' });
  });

  it('warns on moderate or low advisories only', async () => {
    const run = fakeRunner({ 'npm audit --json': { exitCode: 1, stdout: report({ moderate: 1 }, { esbuild: { severity: 'moderate' } }) } });
    expect(await check(locked(), 'dependency-audit', { run, audit: true })).toMatchObject({ status: 'warn', detail: '1 low/moderate: esbuild (moderate)' });
  });

  it('passes with no advisories', async () => {
    const run = fakeRunner({ 'npm audit --json': { exitCode: 0, stdout: report({}) } });
    expect(await check(locked(), 'dependency-audit', { run, audit: true })).toMatchObject({ status: 'pass', detail: 'no known vulnerabilities in 200 dependencies' });
  });

  it('warns that the audit was skipped', async () => {
    expect((await check(locked(), 'dependency-audit', { audit: false })).detail).toBe('not run (audit skipped)');
  });
});
