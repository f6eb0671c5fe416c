import type { FeatureManifest } from './types.js';

/** PostgreSQL through Drizzle: embedded PGlite without DATABASE_URL, a pg pool with it. */
export const databasePostgresFeature: FeatureManifest = {
  id: 'database-postgres',
  summary: 'Database (PostgreSQL)',
  selectedWhen: { option: 'database', equals: 'postgres' },
  requires: ['core'],
  dependencies: ['drizzle-orm', '@electric-sql/pglite', 'pg'],
  devDependencies: ['@types/pg'],
  scripts: {
    'db:migrate': 'tsx src/db/cli.ts migrate',
    'db:rollback': 'tsx src/db/cli.ts rollback',
    'db:seed': 'tsx src/db/cli.ts seed',
  },
  env: [
    { name: 'DATABASE_URL', schema: 'z.url().optional()', example: '', description: 'postgres://user:password@host:5432/db — unset to use the embedded PGlite database' },
    { name: 'DATABASE_POOL_MAX', schema: 'z.coerce.number().int().positive().default(10)', example: '10', description: 'Connections in the pg pool' },
    { name: 'PGLITE_DIR', schema: "z.string().min(1).default('.data/pglite')", example: '.data/pglite', description: 'Where the embedded database keeps its data when DATABASE_URL is unset' },
  ],
  templates: ['database/postgres'],
  registrations: [
    { point: 'healthChecks', symbol: 'databaseHealthCheck', from: 'src/lib/database-health.ts' },
    { point: 'shutdownHooks', symbol: 'closeDatabase', from: 'src/lib/database-health.ts' },
  ],
  compose: {
    postgres: {
      definition: {
        image: 'postgres:15-alpine',
        environment: { POSTGRES_USER: 'app', POSTGRES_PASSWORD: 'app', POSTGRES_DB: 'app' },
        ports: ['5432:5432'],
        volumes: ['postgres-data:/var/lib/postgresql/data'],
        healthcheck: { test: ['CMD-SHELL', 'pg_isready -U app -d app'], interval: '5s', timeout: '5s', retries: 10 },
      },
      volumes: ['postgres-data'],
    },
  },
};
