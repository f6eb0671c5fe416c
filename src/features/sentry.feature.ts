import type { FeatureManifest } from './types.js';

/**
 * Error tracking with Sentry (`--features sentry`). Off unless SENTRY_DSN is set: then no client exists
 * at all. Errors only (no tracing: the `otel` feature owns OpenTelemetry, so the SDK skips its own
 * setup). The plugin captures what the error handler treats as a programming error (500) and crashes
 * of the process; a shutdown hook flushes what is still queued.
 */
export const sentryFeature: FeatureManifest = {
  id: 'sentry',
  summary: 'Error tracking (Sentry)',
  selectedWhen: { option: 'features', includes: 'sentry' },
  requires: ['core'],
  dependencies: ['@sentry/node'],
  env: [
    {
      name: 'SENTRY_DSN',
      schema: 'optionalUrl(/^https?$/)',
      example: '',
      description:
        'Where errors are reported: the DSN of your Sentry project (Settings > Client Keys), e.g.\nhttps://<key>@o0.ingest.sentry.io/<project>. Empty: error tracking is off and no Sentry client exists.',
    },
    {
      name: 'SENTRY_ENVIRONMENT',
      schema: "z.string().trim().max(64).optional().transform((value) => value || undefined)",
      example: '',
      description: 'The environment events are filed under in Sentry (production, staging, …). Empty: the value of NODE_ENV.',
    },
    {
      name: 'SENTRY_RELEASE',
      schema: "z.string().trim().max(200).optional().transform((value) => value || undefined)",
      example: '',
      description: 'The release events are filed under (a version or a commit sha). Empty: <name>@<version> from package.json.',
    },
  ],
  templates: ['sentry'],
  registrations: [
    { point: 'plugins', symbol: 'sentryPlugin', from: 'src/plugins/sentry.ts' },
    { point: 'shutdownHooks', symbol: 'flushSentry', from: 'src/lib/sentry.ts' },
  ],
};
