import type { FeatureManifest } from './types.js';

/**
 * Background jobs. The port, the job registry (src/jobs/index.ts), the in-process adapter and the
 * worker entry are shared; each queue option ships its own src/lib/jobs/index.ts that picks the adapter.
 * Jobs exist when a queue is chosen or a feature produces jobs (email, webhooks).
 */
export const jobsFeature: FeatureManifest = {
  id: 'jobs',
  summary: 'Background jobs (port, registry, in-process adapter)',
  selectedWhen: {
    anyOf: [
      { option: 'queue', oneOf: ['bullmq', 'pg-boss'] },
      { option: 'features', includes: 'email' },
      { option: 'features', includes: 'webhooks' },
    ],
  },
  requires: ['core'],
  templates: ['jobs/common'],
};

/** No queue server: jobs run inside the API process, retries and dead letters kept in memory. */
export const queueInProcessFeature: FeatureManifest = {
  id: 'queue-in-process',
  summary: 'Jobs run in the API process',
  selectedWhen: { allOf: [{ option: 'queue', equals: 'none' }, { anyOf: [{ option: 'features', includes: 'email' }, { option: 'features', includes: 'webhooks' }] }] },
  requires: ['core', 'jobs'],
  templates: ['jobs/in-process'],
};

export const queueBullmqFeature: FeatureManifest = {
  id: 'queue-bullmq',
  summary: 'Job queue on Redis (BullMQ)',
  selectedWhen: { option: 'queue', equals: 'bullmq' },
  requires: ['core', 'jobs', 'redis'],
  dependencies: ['bullmq', 'ioredis'],
  templates: ['jobs/bullmq'],
};

export const queuePgBossFeature: FeatureManifest = {
  id: 'queue-pg-boss',
  summary: 'Job queue in PostgreSQL (pg-boss)',
  selectedWhen: { option: 'queue', equals: 'pg-boss' },
  requires: ['core', 'jobs', 'database-postgres'],
  dependencies: ['pg-boss'],
  templates: ['jobs/pg-boss'],
};
