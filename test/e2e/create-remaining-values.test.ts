import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { e2eCombinations } from '../helpers/e2e-combinations.js';
import { expectAllStepsPassed, expectScriptPasses } from './checks.js';
import { cleanEnv, freshDatabase, runCli, workDir } from './harness.js';

/**
 * The option values no other e2e file runs the generated tests of: the pg-boss queue and local storage
 * for uploads (with session auth, no cache, email and webhooks as jobs on that queue). Its flags come from
 * the one list of e2e combinations, whose unit test proves that together they use every option value.
 * On the embedded PGlite the queue is the in-process stand-in; against PostgreSQL 15 the same tests run
 * pg-boss for real.
 */
const combination = e2eCombinations.find((entry) => entry.file === 'create-remaining-values.test.ts')!;

describe(`create ${combination.args.join(' ')} (embedded PGlite, then PostgreSQL 15)`, () => {
  const work = workDir('remaining');
  const project = join(work.dir, 'remaining-api');
  afterAll(() => work.remove());

  it('creates, installs, migrates and passes its own tests with no server running', async () => {
    const run = await runCli(['remaining-api', ...combination.args, '--json'], work.dir);
    expect(run.exitCode, run.all).toBe(0);
    const result = expectAllStepsPassed(run.stdout);
    expect(result.features).toEqual(expect.arrayContaining(['auth-session', 'queue-pg-boss', 'email', 'webhooks', 'uploads', 'storage-local']));
    expect(Object.keys(result.dependencies)).toContain('pg-boss');
    expect(Object.keys(result.dependencies)).not.toContain('@aws-sdk/client-s3');
  });

  it('passes the same tests, with pg-boss on the real server, and migrates up, down and up on PostgreSQL 15', async () => {
    const env = cleanEnv({ DATABASE_URL: await freshDatabase(inject('postgresUrl'), 'e2e_remaining') });
    const output = await expectScriptPasses('test', project, env);
    expect(output).toContain('jobs-pg-boss: contract against pg-boss on DATABASE_URL');
    await expectScriptPasses('db:migrate', project, env);
    await expectScriptPasses('db:rollback', project, env);
    await expectScriptPasses('db:migrate', project, env);
  });
});
