import { describe, expect, it } from 'vitest';
import { execaRunner } from '../../src/doctor/command-runner.js';
import { auditProject, runDoctor } from '../../src/doctor/run-doctor.js';
import { memoryProjectFiles } from '../../src/doctor/project-files.js';
import { tempDir } from '../helpers/fixtures.js';
import { fakeRunner, freshTree, writeTree } from './helpers.js';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

describe('runDoctor on disk', () => {
  it('audits a project written to disk, skipping node_modules and dist', async () => {
    const dir = tempDir();
    const tree = freshTree('standard');
    writeTree(tree, dir);
    writeFileSync(join(dir, '.env'), 'JWT_SECRET=KzrJ8-cgmSaXNl55_k4oYmIr096toPClboTMXsZu17k\n');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'leak.js'), "const API_KEY = 'KzrJ8-cgmSaXNl55_k4oYmIr096toPClboTMXsZu17k';\n");
    // A linked node_modules (as in a workspace) is neither walked nor followed.
    symlinkSync(dir, join(dir, 'node_modules'));
    const report = await runDoctor(dir, { runTests: false, audit: false, run: fakeRunner() });
    expect(report.root).toBe(dir);
    expect(report.results.filter((r) => r.status === 'fail')).toEqual([]);
    expect(report.ok).toBe(true);
    rmSync(join(dir, 'migrations/0002_auth/down.sql'));
    const broken = await runDoctor(dir, { runTests: false, audit: false, run: fakeRunner() });
    expect(broken.ok).toBe(false);
    expect(broken.results.filter((r) => r.status === 'fail').map((r) => [r.id, r.detail])).toEqual([['migrations-down', 'migrations/0002_auth/down.sql is missing']]);
  });

  it('turns a check that throws into a warning instead of losing the other results', async () => {
    const report = await auditProject({
      root: '/project',
      files: memoryProjectFiles(freshTree('minimal')),
      runTests: false,
      audit: false,
      checks: [
        { id: 'boom', title: 'Throws', run: () => { throw new Error('unexpected SQL'); } },
        { id: 'fine', title: 'Passes', run: () => ({ status: 'pass', detail: 'ok' }) },
      ],
    });
    expect(report.results).toEqual([
      { id: 'boom', title: 'Throws', status: 'warn', detail: 'could not check: unexpected SQL', fix: expect.any(String) },
      { id: 'fine', title: 'Passes', status: 'pass', detail: 'ok' },
    ]);
    expect(report.ok).toBe(true);
  });
});

describe('execaRunner', () => {
  it('kills a command that outlives its timeout instead of hanging', async () => {
    const started = performance.now();
    const result = await execaRunner(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { cwd: process.cwd(), timeoutMs: 300 });
    expect(result.timedOut).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('reports a command that cannot start', async () => {
    const result = await execaRunner('definitely-not-a-command-xyz', [], { cwd: process.cwd(), timeoutMs: 5000 });
    expect(result.exitCode).toBeUndefined();
    expect(result.startError).toBeDefined();
  });

  it('returns output and exit code', async () => {
    const result = await execaRunner(process.execPath, ['-e', 'console.log("hi"); process.exit(3)'], { cwd: process.cwd(), timeoutMs: 5000 });
    expect(result).toMatchObject({ exitCode: 3, stdout: 'hi', timedOut: false });
  });
});
