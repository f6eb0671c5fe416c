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
    'db:status': 'tsx src/db/cli.ts status',
  },
  env: [
    { name: 'DATABASE_URL', schema: 'optionalUrl(/^postgres(ql)?$/)', example: '', description: 'PostgreSQL connection URL. Leave empty to use the embedded PGlite database stored in PGLITE_DIR.\nExample: postgres://app:app@localhost:5432/app' },
    { name: 'DATABASE_POOL_MAX', schema: 'int(1, 1000).default(10)', example: '10', description: 'Maximum connections in the pool (only with DATABASE_URL).' },
    { name: 'PGLITE_DIR', schema: "z.string().trim().min(1).default('.data/pglite')", example: '.data/pglite', description: 'Directory of the embedded database when DATABASE_URL is empty (created if missing, git-ignored).' },
  ],
  templates: ['database/common', 'database/postgres'],
  registrations: [
    { point: 'healthChecks', symbol: 'databaseHealthCheck', from: 'src/lib/database-health.ts' },
    { point: 'shutdownHooks', symbol: 'closeDatabase', from: 'src/lib/database-health.ts' },
  ],
  compose: {
    app: {
      definition: {
        environment: { DATABASE_URL: 'postgres://app:app@postgres:5432/app' },
        depends_on: { postgres: { condition: 'service_healthy' } },
      },
    },
    postgres: {
      definition: {
        image: 'postgres:15',
        environment: { POSTGRES_USER: 'app', POSTGRES_PASSWORD: 'app', POSTGRES_DB: 'app' },
        ports: ['5432:5432'],
        volumes: ['pgdata:/var/lib/postgresql/data'],
        healthcheck: { test: ['CMD-SHELL', 'pg_isready -U app -d app'], interval: '5s', timeout: '5s', retries: 10 },
      },
      volumes: ['pgdata'],
    },
    // One-shot: applies pending migrations, then exits; the app starts only if it succeeded.
    migrate: {
      definition: {
        build: '.',
        command: ['node', 'dist/db/cli.js', 'migrate'],
        environment: {
          DATABASE_URL: 'postgres://app:app@postgres:5432/app',
          CURSOR_SECRET: '${CURSOR_SECRET:?set CURSOR_SECRET (32+ random characters) in your shell or .env}',
        },
        depends_on: { postgres: { condition: 'service_healthy' } },
      },
    },
  },
};
