import { describe, expect, it } from 'vitest';
import type { PartialOptions } from '../../src/core/options.js';
import { dependencyVersions } from '../../src/versions.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

/**
 * Scheduled jobs: the cron port and its three adapters ship with every project that has jobs; the
 * example cleanup job (and so the in-process jobs) with every password auth mode, whose tables expire.
 */
function project(preset: string, overrides: PartialOptions = {}) {
  const { plan, tree } = generateTree(presetOptions(preset, overrides));
  const read = (path: string) => tree.readText(path) ?? '';
  const has = (path: string) => tree.readText(path) !== undefined;
  const features = plan.features.map((feature) => feature.id);
  return { plan, tree, read, has, features };
}

describe('scheduled jobs', () => {
  it('the standard preset (jwt, no queue) gets in-process jobs with the hourly cleanup job', () => {
    const { read, has, features, plan } = project('standard');
    expect(features).toEqual(expect.arrayContaining(['jobs', 'queue-in-process', 'jobs-cleanup']));
    expect(plan.dependencies['cron-parser']).toBe(dependencyVersions['cron-parser']);
    expect(read('src/jobs/index.ts')).toContain('cleanupExpiredJob,');
    expect(read('src/jobs/cleanup-expired.job.ts')).toContain("{ schedule: CLEANUP_SCHEDULE }");
    const sweeps = read('src/repositories/expired-rows.repository.ts');
    for (const table of ['refresh_tokens', 'password_reset_tokens', 'login_attempts']) expect(sweeps).toContain(`table: '${table}'`);
    expect(sweeps).not.toContain("table: 'sessions'");
    expect(read('migrations/0007_job_schedule_runs/up.sql')).toContain('PRIMARY KEY (name, run_at)');
    expect(read('src/lib/jobs/index.ts')).toContain('scheduleLease: createScheduleLease(database)');
    expect(has('test/unit/job-schedules.test.ts') && has('test/integration/cleanup-expired.test.ts')).toBe(true);
    expect(read('docs/jobs.md')).toContain('## Scheduled jobs (cron)');
    expect(read('docs/jobs.md')).toContain('job_schedule_runs');
    expect(read('README.md')).toContain('### Scheduled jobs');
  });

  it('session auth sweeps sessions instead of refresh tokens', () => {
    const { read } = project('standard', { auth: 'session' });
    const sweeps = read('src/repositories/expired-rows.repository.ts');
    expect(sweeps).toContain("table: 'sessions'");
    expect(sweeps).not.toContain("table: 'refresh_tokens'");
    expect(read('test/integration/cleanup-expired.test.ts')).toContain('sessions: 5');
  });

  it.each(['sqlite', 'mysql'] as const)('%s deletes in batches in its own dialect', (database) => {
    const { read } = project('standard', { database });
    const sweeps = read('src/repositories/expired-rows.repository.ts');
    expect(sweeps).toContain(database === 'mysql' ? '.limit(limit);' : '.run().changes');
    expect(read('src/db/job-schedule-schema.ts')).toContain('job_schedule_runs');
    expect(read('migrations/0007_job_schedule_runs/up.sql')).toContain('PRIMARY KEY (name, run_at)');
  });

  it('no password auth and no job producer: no jobs at all; email alone: jobs without the cleanup', () => {
    expect(project('minimal').features).not.toContain('jobs');
    const email = project('minimal', { features: ['email'] });
    expect(email.features).toContain('jobs');
    expect(email.features).not.toContain('jobs-cleanup');
    expect(email.has('src/jobs/cleanup-expired.job.ts')).toBe(false);
    expect(email.read('docs/jobs.md')).not.toContain('cleanup-expired');
    expect(email.has('test/unit/job-schedules.test.ts')).toBe(true);
  });

  it('BullMQ upserts job schedulers and pg-boss schedules, each with its two-worker test', () => {
    const bullmq = project('standard', { queue: 'bullmq' });
    expect(bullmq.read('src/lib/jobs/bullmq.ts')).toContain('upsertJobScheduler(');
    expect(bullmq.has('test/integration/jobs-bullmq-schedule.test.ts')).toBe(true);
    expect(bullmq.read('docs/jobs.md')).toContain('job scheduler');
    const pgBoss = project('standard', { queue: 'pg-boss' });
    expect(pgBoss.read('src/lib/jobs/pg-boss.ts')).toContain('this.boss.schedule(');
    expect(pgBoss.read('test/helpers/jobs-env.ts')).toContain(".cron.'");
    expect(pgBoss.has('test/integration/jobs-pg-boss-schedule.test.ts')).toBe(true);
    expect(pgBoss.read('docs/jobs.md')).toContain('once a\n  minute');
  });
});
