import { withDialects, type FeatureManifest } from './types.js';

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
  scripts: {
    // The CI audit step as a script: high/critical advisories fail, an audit the registry refused only warns.
    'audit:deps': 'npm audit --omit=dev --audit-level=high --json | tsx scripts/audit.ts',
  },
};

/**
 * Operating every project: docs/RUNBOOK.md, `npm run loadtest` (autocannon against a running instance) and
 * `npm run db:backup` / `db:restore` for the chosen database (each dialect folder ships scripts/backup.sh
 * and scripts/restore.sh).
 */
export const operationsFeature: FeatureManifest = {
  id: 'operations',
  summary: 'Runbook, load test, backup and restore',
  selectedWhen: { always: true },
  requires: ['core'],
  devDependencies: ['autocannon', '@types/autocannon'],
  scripts: {
    loadtest: 'tsx scripts/loadtest.ts',
    'db:backup': 'bash scripts/backup.sh',
    'db:restore': 'bash scripts/restore.sh',
  },
  templates: withDialects('ops'),
};
