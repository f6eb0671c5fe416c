import type { FeatureManifest } from './types.js';

/**
 * OpenTelemetry tracing (`--features otel`). `src/instrumentation.ts` is loaded before the app with
 * `node --import` (an ES module graph is linked before any of it runs, so a plain first import would be
 * too late to patch fastify, pg or ioredis); it starts the SDK only when an OTLP endpoint is set, and
 * otherwise loads and patches nothing. Spans go out as OTLP/HTTP JSON; pino lines written inside a span
 * carry its trace_id and span_id. The drivers' instrumentations come with the database and Redis halves below.
 */
export const otelFeature: FeatureManifest = {
  id: 'otel',
  summary: 'OpenTelemetry tracing',
  selectedWhen: { option: 'features', includes: 'otel' },
  requires: ['core'],
  dependencies: [
    '@opentelemetry/api',
    '@opentelemetry/sdk-trace-node',
    '@opentelemetry/resources',
    '@opentelemetry/semantic-conventions',
    '@opentelemetry/exporter-trace-otlp-http',
    '@opentelemetry/instrumentation',
    '@opentelemetry/instrumentation-http',
    '@opentelemetry/instrumentation-pino',
    '@fastify/otel',
    'import-in-the-middle',
  ],
  // Replace core's scripts (a feature may replace a script of a feature it requires).
  scripts: {
    dev: 'tsx watch --import ./src/instrumentation.ts src/index.ts',
    start: 'node --import ./dist/instrumentation.js dist/index.js',
  },
  env: [
    {
      name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
      schema: 'optionalUrl(/^https?$/)',
      example: '',
      description:
        'Base URL of an OTLP/HTTP receiver (a collector, Jaeger, Tempo…), e.g. http://localhost:4318; spans go to\n<url>/v1/traces. Empty (and no OTEL_EXPORTER_OTLP_TRACES_ENDPOINT): tracing is off, nothing is loaded or patched.',
    },
    {
      name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
      schema: 'optionalUrl(/^https?$/)',
      example: '',
      description: 'Full URL spans are posted to, used as is (wins over OTEL_EXPORTER_OTLP_ENDPOINT), e.g. http://localhost:4318/v1/traces.',
    },
    {
      name: 'OTEL_SERVICE_NAME',
      schema: "z.string().trim().max(200).optional().transform((value) => value || undefined)",
      example: '',
      description: 'The service name spans are filed under. Empty: the name in package.json.',
    },
  ],
  templates: ['otel/common'],
  registrations: [{ point: 'shutdownHooks', symbol: 'flushTracing', from: 'src/lib/tracing.ts' }],
  compose: {
    app: {
      definition: {
        environment: {
          OTEL_EXPORTER_OTLP_ENDPOINT: '${OTEL_EXPORTER_OTLP_ENDPOINT:-}',
          OTEL_SERVICE_NAME: '${OTEL_SERVICE_NAME:-}',
        },
      },
    },
  },
};

/** PostgreSQL: spans for every query of the pg pool (PGlite runs in the process and has no driver to patch). */
export const otelPostgresFeature: FeatureManifest = {
  id: 'otel-postgres',
  summary: 'Tracing of PostgreSQL queries',
  selectedWhen: { allOf: [{ option: 'features', includes: 'otel' }, { option: 'database', equals: 'postgres' }] },
  requires: ['otel'],
  dependencies: ['@opentelemetry/instrumentation-pg'],
  templates: [],
};

export const otelMysqlFeature: FeatureManifest = {
  id: 'otel-mysql',
  summary: 'Tracing of MySQL queries',
  selectedWhen: { allOf: [{ option: 'features', includes: 'otel' }, { option: 'database', equals: 'mysql' }] },
  requires: ['otel'],
  dependencies: ['@opentelemetry/instrumentation-mysql2'],
  templates: [],
};

export const otelRedisFeature: FeatureManifest = {
  id: 'otel-redis',
  summary: 'Tracing of Redis commands',
  selectedWhen: { allOf: [{ option: 'features', includes: 'otel' }, { anyOf: [{ option: 'cache', equals: 'redis' }, { option: 'queue', equals: 'bullmq' }] }] },
  requires: ['otel', 'redis'],
  dependencies: ['@opentelemetry/instrumentation-ioredis'],
  templates: [],
};

/** A queue server means a separate worker process: it loads the instrumentation too (script and compose). */
export const otelWorkerFeature: FeatureManifest = {
  id: 'otel-worker',
  summary: 'Tracing in the worker',
  selectedWhen: { allOf: [{ option: 'features', includes: 'otel' }, { option: 'queue', oneOf: ['bullmq', 'pg-boss'] }] },
  requires: ['otel', 'jobs'],
  scripts: {
    worker: 'tsx --import ./src/instrumentation.ts src/worker.ts',
  },
  templates: [],
  compose: {
    // The worker runs `node dist/worker.js` (the jobs feature's command): NODE_OPTIONS adds the --import.
    worker: { definition: { environment: { NODE_OPTIONS: '--import ./dist/instrumentation.js' } } },
  },
};
