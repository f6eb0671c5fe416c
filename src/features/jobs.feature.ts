import { withDialects, type EnvVar, type FeatureManifest, type FeatureSelector } from './types.js';

/**
 * Background jobs. The port, the job registry (src/jobs/index.ts), the in-process adapter, the plugin
 * that runs jobs inside the API process when there is no queue server, readiness and shutdown, and the
 * worker entry are shared; each queue option ships its own src/lib/jobs/index.ts that picks the adapter,
 * and its own test/helpers/jobs-env.ts (what tests need to reach that queue).
 * Jobs exist when a queue is chosen, a feature produces jobs (email, webhooks), or the auth mode keeps
 * expiring rows (jwt, session) that the scheduled cleanup job deletes. Each dialect adds the table that
 * lets several API instances run an in-process schedule once (jobs/common.<database>).
 */

/** Password auth modes: they store refresh tokens or sessions, reset links and lockout counters that expire. */
const expiringAuthRows: FeatureSelector = { option: 'auth', oneOf: ['jwt', 'session'] };

export const jobsFeature: FeatureManifest = {
  id: 'jobs',
  summary: 'Background jobs (port, registry, in-process adapter, worker)',
  selectedWhen: {
    anyOf: [
      { option: 'queue', oneOf: ['bullmq', 'pg-boss'] },
      { option: 'features', includes: 'email' },
      { option: 'features', includes: 'webhooks' },
      expiringAuthRows,
    ],
  },
  requires: ['core'],
  dependencies: ['cron-parser'],
  scripts: {
    // Same runner as db:*; after `npm run build`, `node dist/worker.js` runs it (docker-compose does).
    worker: 'tsx src/worker.ts',
  },
  env: [
    { name: 'JOBS_CONCURRENCY', schema: 'int(1, 1000).default(5)', example: '5', description: 'How many jobs one process (the worker, or the API when jobs run in-process) runs at the same time.' },
    {
      name: 'JOBS_BACKOFF_SCALE',
      schema: "z.string().trim().regex(/^\\d+(\\.\\d+)?$/, 'must be a non-negative number such as 1 or 0.001').transform(Number).default(1)",
      example: '1',
      description: 'Multiplies every job\'s retry delays (1 = as each job defines them). Tests set 0.001 so retries take\nmilliseconds; pg-boss rounds its delays to whole seconds.',
    },
  ],
  templates: withDialects('jobs/common'),
  registrations: [
    { point: 'plugins', symbol: 'jobsPlugin', from: 'src/plugins/jobs.ts' },
    { point: 'healthChecks', symbol: 'queueHealthCheck', from: 'src/lib/jobs/health.ts' },
    { point: 'shutdownHooks', symbol: 'closeJobQueue', from: 'src/lib/jobs/health.ts' },
  ],
};

/** No queue server: jobs run in the API process, retries and dead letters kept in memory. */
export const queueInProcessFeature: FeatureManifest = {
  id: 'queue-in-process',
  summary: 'Jobs run in the API process',
  selectedWhen: {
    allOf: [{ option: 'queue', equals: 'none' }, { anyOf: [{ option: 'features', includes: 'email' }, { option: 'features', includes: 'webhooks' }, expiringAuthRows] }],
  },
  requires: ['core', 'jobs'],
  templates: ['jobs/in-process'],
};

const queueName: EnvVar = {
  name: 'JOBS_QUEUE_NAME',
  schema: "z.string().trim().max(100).regex(/^[\\w.-]*$/, 'may contain only letters, digits and . _ -').optional().transform((value) => value || undefined)",
  example: '',
  description: 'Name of this app\'s job queue on the queue server (its dead letters go to <name>-dead), so that several\napps can share one server. Letters, digits and . _ - only. Empty: the name in package.json.',
};

/** The worker: the same image, configuration and data volumes as the app (see `environmentOf`), running `npm run worker`'s compiled entry. */
function workerService(dependsOn: Record<string, { condition: string }>) {
  return {
    environmentOf: 'app',
    definition: {
      build: '.',
      command: ['node', 'dist/worker.js'],
      // The migration job waits for the database server, so the worker starts after both.
      depends_on: { migrate: { condition: 'service_completed_successfully' }, ...dependsOn },
      // SIGTERM, then SHUTDOWN_TIMEOUT_MS (30 s) for the running jobs, before Docker kills it.
      stop_grace_period: '40s',
    },
  };
}

export const queueBullmqFeature: FeatureManifest = {
  id: 'queue-bullmq',
  summary: 'Job queue on Redis (BullMQ)',
  selectedWhen: { option: 'queue', equals: 'bullmq' },
  requires: ['core', 'jobs', 'redis'],
  dependencies: ['bullmq', 'ioredis'],
  env: [queueName],
  templates: ['jobs/bullmq'],
  compose: {
    worker: workerService({ redis: { condition: 'service_healthy' } }),
  },
};

export const queuePgBossFeature: FeatureManifest = {
  id: 'queue-pg-boss',
  summary: 'Job queue in PostgreSQL (pg-boss)',
  selectedWhen: { option: 'queue', equals: 'pg-boss' },
  requires: ['core', 'jobs', 'database-postgres'],
  dependencies: ['pg-boss'],
  env: [
    queueName,
    { name: 'JOBS_POLL_INTERVAL_MS', schema: 'int(500, 600_000).default(2000)', example: '2000', description: 'How often an idle worker asks PostgreSQL for new jobs, in milliseconds (pg-boss polls; at least 500).' },
  ],
  templates: ['jobs/pg-boss'],
  compose: {
    worker: workerService({}),
  },
};

/**
 * The example scheduled job: hourly deletion of expired refresh tokens or sessions, reset links and
 * stale lockout counters. Only where those tables exist (password auth modes); the dialect's folder
 * holds the batched DELETEs.
 */
export const jobsCleanupFeature: FeatureManifest = {
  id: 'jobs-cleanup',
  summary: 'Scheduled cleanup of expired auth rows',
  selectedWhen: expiringAuthRows,
  requires: ['core', 'jobs', 'auth-passwords'],
  templates: withDialects('jobs/cleanup'),
  registrations: [{ point: 'jobs', symbol: 'cleanupExpiredJob', from: 'src/jobs/cleanup-expired.job.ts' }],
};
