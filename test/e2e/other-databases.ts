import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { e2eCombinations } from '../helpers/e2e-combinations.js';
import { cleanEnv, freshMysqlDatabase, runCli, workDir } from './harness.js';
import { expectAllStepsPassed, expectScriptPasses, expectServerServes, type AuthMode } from './checks.js';

/**
 * The databases besides PostgreSQL, each created by the CLI (install, migrate, the generated tests), then
 * type-checked, linted, built and booted: SQLite on its file with no server, MySQL against a real MariaDB
 * 10.11 (a fresh database on the server the global setup started). The flags come from
 * test/helpers/e2e-combinations.ts, which checks that together the e2e files use every option value; one
 * e2e file per database, so that the two run side by side.
 */
export function describeDatabaseRuns(file: string): void {
  const runs = e2eCombinations
    .filter((combination) => combination.file === file)
    .map(({ args }, index) => ({
      args,
      index,
      database: args[args.indexOf('--database') + 1] as 'sqlite' | 'mysql',
      auth: (args.includes('--auth') ? args[args.indexOf('--auth') + 1] : 'jwt') as AuthMode,
      redis: args.includes('bullmq') || args.includes('redis'),
    }));
  describe.each(runs)('create $args', describeRun);
}

function describeRun({ args, index, database, auth, redis }: { args: readonly string[]; index: number; database: 'sqlite' | 'mysql'; auth: AuthMode; redis: boolean }): void {
  const work = workDir(`db-${database}-${index}`);
  const name = `${database}-api`;
  const project = join(work.dir, name);
  let env: Record<string, string | undefined> = {};
  afterAll(() => work.remove());

  it('creates, installs, migrates and passes its own tests', async () => {
    env = cleanEnv({
      ...(database === 'mysql' ? { DATABASE_URL: await freshMysqlDatabase(inject('mysqlUrl'), `e2e_${database}_${index}`) } : {}),
      ...(redis ? { REDIS_URL: inject('redisUrl') } : {}),
    });
    const run = await runCli([name, ...args, '--json'], work.dir, env);
    expect(run.exitCode, run.all).toBe(0);
    const result = expectAllStepsPassed(run.stdout);
    expect(result.features).toContain(`database-${database}`);
    expect(result.features).not.toContain('database-postgres');
    expect(Object.keys(result.dependencies)).not.toContain('pg');
    expect(Object.keys(result.dependencies)).toContain(database === 'sqlite' ? 'better-sqlite3' : 'mysql2');
  });

  it('type-checks, lints, builds, boots, serves the API and exits 0 on SIGTERM', async () => {
    await expectScriptPasses('typecheck', project, env);
    await expectScriptPasses('lint', project, env);
    await expectScriptPasses('build', project, env);
    await expectServerServes(project, env, auth);
  });
}
