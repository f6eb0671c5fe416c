import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cleanEnv, freshDatabase, runCli, workDir } from './harness.js';
import { expectAllStepsPassed, expectScriptPasses, expectServerServes } from './checks.js';

/**
 * `--auth jwt --cache redis` with DATABASE_URL and REDIS_URL set: the CLI's own migrate and test steps
 * run on PostgreSQL 15 and Redis, then the production build boots against both and keeps its cache and
 * rate-limit counters in Redis.
 */
describe('create --auth jwt --cache redis against PostgreSQL 15 and Redis', () => {
  const work = workDir('redis');
  const project = join(work.dir, 'redis-api');
  let env: Record<string, string | undefined> = {};
  afterAll(() => work.remove());

  it('creates, installs, migrates and passes its own tests on the real servers', async () => {
    env = cleanEnv({ DATABASE_URL: await freshDatabase(inject('postgresUrl'), 'e2e_redis'), REDIS_URL: inject('redisUrl') });
    const run = await runCli(['redis-api', '--auth', 'jwt', '--cache', 'redis', '--json'], work.dir, env);
    expect(run.exitCode, run.all).toBe(0);
    const result = expectAllStepsPassed(run.stdout);
    expect(result.features).toContain('cache-redis');
    expect(result.features).not.toContain('cache-memory');
    expect(Object.keys(result.dependencies)).toContain('ioredis');
  });

  it('type-checks, lints, builds, boots with Redis in readiness, and writes its keys to Redis', async () => {
    await expectScriptPasses('typecheck', project, env);
    await expectScriptPasses('lint', project, env);
    await expectScriptPasses('build', project, env);
    const prefix = `e2e-${Date.now()}`;
    await expectServerServes(project, { ...env, CACHE_KEY_PREFIX: prefix }, 'jwt');
    const keys = await execa('redis-cli', ['-u', inject('redisUrl'), '--scan', '--pattern', `${prefix}:*`]);
    const written = keys.stdout.split('\n').filter(Boolean);
    expect(written.some((key) => key.startsWith(`${prefix}:cache:users:`)), keys.stdout).toBe(true);
    expect(written.some((key) => key.startsWith(`${prefix}:rate-limit:`)), keys.stdout).toBe(true);
  });
});
