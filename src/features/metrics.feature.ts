import type { FeatureManifest } from './types.js';

/**
 * Prometheus metrics (prom-client) at GET /metrics: HTTP request counts and latencies by route template,
 * the process's default metrics (event-loop lag, heap, GC), the database pool where the driver has one,
 * cache hits and misses, and the job queue's depth. Everything but the HTTP figures is read on scrape
 * from what the cache, database and queue ports already expose, so no other module reports into it.
 * Production refuses to start unless the endpoint is behind METRICS_TOKEN or on METRICS_PORT (the rule
 * lives in src/config/env.ts, `validateEnvRules`).
 */
export const metricsFeature: FeatureManifest = {
  id: 'metrics',
  summary: 'Prometheus metrics',
  selectedWhen: { option: 'features', includes: 'metrics' },
  requires: ['core'],
  dependencies: ['prom-client'],
  env: [
    {
      name: 'METRICS_TOKEN',
      schema:
        "z.string().trim().pipe(z.union([z.literal(''), z.string().min(32, 'must be at least 32 characters').max(512).regex(/^[\\x21-\\x7e]+$/, 'must be printable ASCII without spaces')])).optional().transform((value) => value || undefined)",
      example: '',
      description:
        'Bearer token that GET /metrics requires (Authorization: Bearer <token>), at least 32 characters. Production\nneeds it or METRICS_PORT. Empty: no token (with METRICS_PORT, whoever reaches that port may scrape).',
    },
    {
      name: 'METRICS_PORT',
      schema: "z.union([z.literal(''), int(1, 65_535)]).optional().transform((value) => (value === '' ? undefined : value))",
      example: '',
      description:
        'Serve GET /metrics on this port only (a second listener on HOST; do not publish it), never on PORT.\nProduction needs it or METRICS_TOKEN. Empty: /metrics is served on PORT.',
    },
  ],
  templates: ['metrics'],
  // The container runs in production: /metrics on an internal port that compose does not publish, which a
  // Prometheus on the same network scrapes as app:9100 (METRICS_TOKEN optional on top).
  compose: {
    app: { definition: { environment: { METRICS_PORT: '9100', METRICS_TOKEN: '${METRICS_TOKEN:-}' } } },
  },
  registrations: [{ point: 'plugins', symbol: 'metricsPlugin', from: 'src/plugins/metrics.ts' }],
};
