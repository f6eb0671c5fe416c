import type { FeatureManifest } from './types.js';

export const dockerFeature: FeatureManifest = {
  id: 'docker',
  summary: 'Docker',
  selectedWhen: { option: 'features', includes: 'docker' },
  requires: ['core'],
  templates: ['docker'],
  compose: {
    app: {
      definition: {
        build: '.',
        environment: {
          NODE_ENV: 'production',
          CURSOR_SECRET: '${CURSOR_SECRET:?set CURSOR_SECRET (32+ random characters) in your shell or .env}',
          CORS_ORIGINS: '${CORS_ORIGINS:-}',
          LOG_LEVEL: '${LOG_LEVEL:-info}',
        },
        ports: ['3000:3000'],
        // The database feature adds its server (and its URL) to this.
        depends_on: { migrate: { condition: 'service_completed_successfully' } },
      },
    },
  },
};

export const ciFeature: FeatureManifest = {
  id: 'ci',
  summary: 'Continuous integration',
  selectedWhen: { option: 'features', includes: 'ci' },
  requires: ['core'],
  templates: ['ci'],
};
