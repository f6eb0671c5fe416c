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
        env_file: ['.env'],
        environment: { NODE_ENV: 'production', DATABASE_URL: 'postgres://app:app@postgres:5432/app' },
        ports: ['3000:3000'],
        depends_on: { postgres: { condition: 'service_healthy' } },
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
