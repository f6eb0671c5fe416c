import { withDialects, type FeatureManifest } from './types.js';

const secretKeyInCompose = '${WEBHOOK_SECRET_KEY:?set WEBHOOK_SECRET_KEY (32+ random bytes) in your shell or .env}';

/**
 * Outgoing webhooks: subscriptions CRUD (admin-only where auth is on), domain events fanned out as
 * delivery jobs, HMAC-signed POSTs with retries and a deliveries log, and an SSRF guard that is
 * applied at create time and again, with the connection pinned, at every delivery.
 */
export const webhooksFeature: FeatureManifest = {
  id: 'webhooks',
  summary: 'Outgoing webhooks (signed, retried, SSRF-guarded)',
  selectedWhen: { option: 'features', includes: 'webhooks' },
  requires: ['core', 'jobs'],
  env: [
    {
      name: 'WEBHOOK_SECRET_KEY',
      schema: "z.string().refine((value) => Buffer.byteLength(value, 'utf8') >= MIN_SECRET_BYTES, `must be at least ${MIN_SECRET_BYTES} bytes`).default('dev-only-webhook-secret-key-change-me-in-production!')",
      example: 'replace-with-at-least-32-random-characters',
      description:
        'Secret (32+ bytes) that encrypts the webhook signing secrets at rest (AES-256-GCM). Changing it makes the\nstored secrets unreadable: deliveries then fail until the subscriptions are created again. Required in\nproduction, where this example value and the built-in development default are refused.\nGenerate one with: openssl rand -base64 48',
      secret: true,
    },
    {
      name: 'WEBHOOK_TIMEOUT_MS',
      schema: 'int(100, 60_000).default(30000)',
      example: '30000',
      description: 'How long a webhook receiver may take to answer a delivery, in milliseconds; slower counts as a failed attempt.',
    },
    {
      name: 'WEBHOOK_ALLOW_PRIVATE_URLS',
      schema: 'z.stringbool().default(false)',
      example: 'false',
      description:
        'true lets webhook URLs point to loopback, link-local and private addresses (a receiver on this machine or\nnetwork, in development). Leave false in production: it is the SSRF protection.',
    },
  ],
  templates: withDialects('webhooks'),
  registrations: [
    { point: 'routes', symbol: 'webhooksRoutes', from: 'src/routes/webhooks.routes.ts' },
    { point: 'jobs', symbol: 'deliverWebhookJob', from: 'src/jobs/deliver-webhook.job.ts' },
    { point: 'eventSubscribers', symbol: 'webhookEventsSubscriber', from: 'src/app/webhook-events.ts' },
  ],
  compose: {
    app: { definition: { environment: { WEBHOOK_SECRET_KEY: secretKeyInCompose } } },
  },
};
