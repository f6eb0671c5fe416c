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
          DATABASE_URL: 'postgres://app:app@postgres:5432/app',
          CURSOR_SECRET: '${CURSOR_SECRET:?set CURSOR_SECRET (32+ random characters) in your shell or .env}',
          CORS_ORIGINS: '${CORS_ORIGINS:-}',
          LOG_LEVEL: '${LOG_LEVEL:-info}',
        },
        ports: ['3000:3000'],
        depends_on: { postgres: { condition: 'service_healthy' }, migrate: { condition: 'service_completed_successfully' } },
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
