import type { FeatureManifest } from './types.js';

export const webhooksFeature: FeatureManifest = {
  id: 'webhooks',
  summary: 'Outgoing webhooks (signed, retried, SSRF-guarded)',
  selectedWhen: { option: 'features', includes: 'webhooks' },
  requires: ['core', 'jobs'],
  templates: ['webhooks'],
};
