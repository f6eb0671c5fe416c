import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cleanEnv, freshDatabase, runCli, workDir } from './harness.js';
import { expectAllStepsPassed, expectScriptPasses, expectServerServes } from './checks.js';

/** `--preset minimal` with DATABASE_URL set: the CLI's own migrate and test steps run on PostgreSQL 15. */
describe('create --preset minimal against PostgreSQL 15', () => {
  const work = workDir('minimal');
  const project = join(work.dir, 'minimal-api');
  let env: Record<string, string | undefined> = {};
  afterAll(() => work.remove());

  it('creates, installs, migrates and passes its own tests on the real server', async () => {
    env = cleanEnv({ DATABASE_URL: await freshDatabase(inject('postgresUrl'), 'e2e_minimal') });
    const run = await runCli(['minimal-api', '--preset', 'minimal', '--json'], work.dir, env);
    expect(run.exitCode, run.all).toBe(0);
    const result = expectAllStepsPassed(run.stdout);
    expect(result.features).toEqual(['core', 'database-postgres', 'cache-local', 'cache-none', 'rate-limit', 'auth-none', 'operations']);
    expect(Object.keys(result.dependencies)).not.toContain('lru-cache');
  });

  it('type-checks, lints, builds, boots on PostgreSQL and exits 0 on SIGTERM', async () => {
    await expectScriptPasses('typecheck', project, env);
    await expectScriptPasses('lint', project, env);
    await expectScriptPasses('build', project, env);
    await expectServerServes(project, env, 'none');
  });
});
