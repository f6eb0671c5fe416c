import type { FeatureManifest } from './types.js';

/** Every project: per IP anonymous, per user when authenticated; health and docs exempt. */
export const rateLimitFeature: FeatureManifest = {
  id: 'rate-limit',
  summary: 'Rate limiting',
  selectedWhen: { always: true },
  requires: ['core'],
  dependencies: ['@fastify/rate-limit'],
  env: [
    { name: 'RATE_LIMIT_MAX', schema: 'int(1, 1_000_000).default(100)', example: '100', description: 'Requests allowed per window: per user when authenticated, per client IP otherwise. Over it: 429 RATE_LIMITED.' },
    { name: 'RATE_LIMIT_WINDOW', schema: 'int(1, 24 * 3600).default(60)', example: '60', description: 'Length of the rate-limit window, in seconds.' },
  ],
  templates: ['rate-limit'],
  registrations: [{ point: 'plugins', symbol: 'rateLimitPlugin', from: 'src/plugins/rate-limit.ts' }],
};
