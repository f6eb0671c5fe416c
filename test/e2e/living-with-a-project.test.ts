import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { AddFeaturesResult } from '../../src/api/add-features.js';
import type { GenerateResourceResult } from '../../src/api/generate-resource.js';
import type { DoctorReport } from '../../src/doctor/run-doctor.js';
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
 * its own, then email merged around the resource, each change through `solid-backend`, on PostgreSQL
 * 15 and Redis. Every step migrates the same database and runs the project's own tests; doctor ends it.
 */
describe('minimal → add webhooks → add cache redis → generate resource → add email → doctor, on PostgreSQL 15 and Redis', () => {
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

  it('generates a resource: migration 0100 on the same database, its own tests pass', async () => {
    const fields = 'title:string,price:number,published:boolean?';
    const run = await runSolid(['generate', 'resource', 'product', '--fields', fields, '--json'], project, env);
    expect(run.exitCode, run.all).toBe(0);
    const result = JSON.parse(run.stdout) as GenerateResourceResult;
    expect(result.migration).toBe('migrations/0100_create_products');
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([['install', 'skipped'], ['migrate', 'passed'], ['test', 'passed']]);
    await commitAll(project, 'generate resource product');
    const again = await runSolid(['generate', 'resource', 'product', '--fields', fields], project, env);
    expect(again.exitCode, 'generating it twice is refused').toBe(2);
  });

  it('adds email after the resource: the resource is rendered again with it and stays wired, and the tests pass', async () => {
    const run = await runSolid(['add', 'email', '--json'], project, env);
    expect(run.exitCode, run.all).toBe(0);
    const result = expectAddPassed(run.stdout);
    expect(result.changes).toContainEqual({ path: 'src/app/dependencies.ts', kind: 'regenerated' });
    expect(readFileSync(join(project, 'src/app/dependencies.ts'), 'utf8')).toMatch(/products: new ProductsService\(/);
    await commitAll(project, 'add email');
  });

  it('passes doctor, tests and dependency audit included', async () => {
    const run = await runSolid(['doctor', '--json'], project, env);
    expect(run.exitCode, run.all).toBe(0);
    const report = JSON.parse(run.stdout) as DoctorReport;
    expect(report.results.filter((r) => r.status === 'fail')).toEqual([]);
    expect(report.results.find((r) => r.id === 'tests-pass')?.status).toBe('pass');
  });

  it('type-checks and lints after every change', async () => {
    await expectScriptPasses('typecheck', project, env);
    await expectScriptPasses('lint', project, env);
  });
});
