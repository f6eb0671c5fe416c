import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { AddFeaturesResult } from '../../src/api/add-features.js';
import { expectAllStepsPassed, expectScriptPasses } from './checks.js';
import { cleanEnv, commitAll, freshDatabase, runCli, runSolid, workDir } from './harness.js';

function expectAddPassed(stdout: string): AddFeaturesResult {
  const result = JSON.parse(stdout) as AddFeaturesResult;
  const failed = result.steps.filter((s) => s.status === 'failed');
  expect(failed, failed.map((s) => `${s.id}: ${s.detail ?? ''}`).join('\n')).toEqual([]);
  expect(result.steps.filter((s) => s.status === 'passed').map((s) => s.id)).toEqual(expect.arrayContaining(['migrate', 'test']));
  return result;
}

/**
 * A project's life after `create`: minimal, then webhooks, then a Redis cache, then a resource of
 * its own, each change through `solid-backend`, on PostgreSQL 15 and Redis. Every step migrates the
 * same database and runs the project's own tests.
 */
describe('minimal → add webhooks → add cache redis, against PostgreSQL 15 and Redis', () => {
  const work = workDir('living');
  const project = join(work.dir, 'living-api');
  let env: Record<string, string | undefined> = {};
  afterAll(() => work.remove());

  it('creates the minimal preset', async () => {
    env = cleanEnv({ DATABASE_URL: await freshDatabase(inject('postgresUrl'), 'e2e_living'), REDIS_URL: inject('redisUrl') });
    const run = await runCli(['living-api', '--preset', 'minimal', '--json'], work.dir, env);
    expect(run.exitCode, run.all).toBe(0);
    expectAllStepsPassed(run.stdout);
    const status = await execa('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: project });
    expect(status.stdout, 'install, migrate and test leave the first commit clean').toBe('');
  });

  it('adds webhooks: install, migrate (0004 after 0001) and the tests pass', async () => {
    const run = await runSolid(['add', 'webhooks', '--json'], project, env);
    expect(run.exitCode, run.all).toBe(0);
    const result = expectAddPassed(run.stdout);
    expect(result.addedFeatures).toEqual(['jobs', 'queue-in-process', 'webhooks']);
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([['install', 'passed'], ['migrate', 'passed'], ['test', 'passed']]);
    await commitAll(project, 'add webhooks');
    const again = await runSolid(['add', 'webhooks', '--json'], project, env);
    expect(again.exitCode, again.all).toBe(0);
    expect((JSON.parse(again.stdout) as AddFeaturesResult).changes).toEqual([]);
  });

  it('switches the cache to Redis: the tests pass against the real Redis', async () => {
    const run = await runSolid(['add', 'cache', '--cache', 'redis', '--json'], project, env);
    expect(run.exitCode, run.all).toBe(0);
    const result = expectAddPassed(run.stdout);
    expect(result.addedFeatures).toEqual(['redis', 'cache-lru', 'cache-redis']);
    expect(result.removedFeatures).toEqual(['cache-local', 'cache-none']);
    await commitAll(project, 'add cache redis');
  });

  it('type-checks and lints after both changes', async () => {
    await expectScriptPasses('typecheck', project, env);
    await expectScriptPasses('lint', project, env);
  });
});
