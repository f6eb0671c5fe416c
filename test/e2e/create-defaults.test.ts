import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cleanEnv, freshDatabase, runCli, workDir } from './harness.js';
import { expectAllStepsPassed, expectScriptPasses, expectServerServes } from './checks.js';

/** `create-solid-backend demo --yes`: the README's first command, on the embedded database. */
describe('create --yes (embedded PGlite, then PostgreSQL 15)', () => {
  const work = workDir('defaults');
  const project = join(work.dir, 'demo');
  afterAll(() => work.remove());

  it('creates, installs, migrates and passes its own tests with no server running', async () => {
    const run = await runCli(['demo', '--yes', '--json'], work.dir);
    expect(run.exitCode, run.all).toBe(0);
    const result = expectAllStepsPassed(run.stdout);
    expect(result.features).toEqual(['core', 'database-postgres', 'cache-lru', 'cache-local', 'cache-memory', 'rate-limit', 'auth-common', 'auth-passwords', 'auth-jwt', 'rate-limit-plans', 'jobs', 'queue-in-process', 'jobs-cleanup', 'email-log', 'docker', 'ci', 'operations']);
    expect(existsSync(join(project, '.data/pglite'))).toBe(true);
    expect(existsSync(join(project, '.git'))).toBe(true);
  });

  it('type-checks and lints', async () => {
    await expectScriptPasses('typecheck', project, cleanEnv());
    await expectScriptPasses('lint', project, cleanEnv());
  });

  it('builds, boots on PGlite, is ready, serves the API and exits 0 on SIGTERM', async () => {
    await expectScriptPasses('build', project, cleanEnv());
    await expectServerServes(project, cleanEnv(), 'jwt');
  });

  it('passes the same tests, migrations and boot against PostgreSQL 15', async () => {
    const env = cleanEnv({ DATABASE_URL: await freshDatabase(inject('postgresUrl'), 'e2e_defaults') });
    await expectScriptPasses('test', project, env);
    await expectScriptPasses('db:migrate', project, env);
    await expectScriptPasses('db:rollback', project, env);
    await expectScriptPasses('db:migrate', project, env);
    const withAdmin = { ...env, ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'a long admin password' };
    await expectScriptPasses('db:seed', project, withAdmin);
    await expectScriptPasses('db:seed', project, withAdmin);
    await expectServerServes(project, env, 'jwt');
  });
});
