import type { FeatureManifest } from './types.js';

// The database file lives on this volume. storage-local mounts the same one at the same place for its
// uploads, so both declarations must stay identical (compose services merge only equal values).
const DATA_VOLUME = 'app-data:/app/.data';
const SQLITE_PATH_IN_CONTAINER = '/app/.data/app.sqlite';

/** SQLite through Drizzle and better-sqlite3: one file (WAL), no server. */
export const databaseSqliteFeature: FeatureManifest = {
  id: 'database-sqlite',
  summary: 'Database (SQLite)',
  selectedWhen: { option: 'database', equals: 'sqlite' },
  requires: ['core'],
  dependencies: ['drizzle-orm', 'better-sqlite3'],
  devDependencies: ['@types/better-sqlite3'],
  scripts: {
    'db:migrate': 'tsx src/db/cli.ts migrate',
    'db:rollback': 'tsx src/db/cli.ts rollback',
    'db:seed': 'tsx src/db/cli.ts seed',
    'db:status': 'tsx src/db/cli.ts status',
  },
  env: [
    { name: 'SQLITE_PATH', schema: "z.string().trim().min(1).default('.data/app.sqlite')", example: '.data/app.sqlite', description: 'The SQLite database file (its directory is created if missing, git-ignored). `:memory:` keeps\neverything in RAM and loses it on exit (tests only).' },
    { name: 'SQLITE_BUSY_TIMEOUT_MS', schema: 'int(0, 600_000).default(5000)', example: '5000', description: 'How long a write waits for another process (a migration, the worker) to release the file lock\nbefore failing with 503, in milliseconds.' },
  ],
  templates: ['database/common', 'database/sqlite'],
  registrations: [
    { point: 'healthChecks', symbol: 'databaseHealthCheck', from: 'src/lib/database-health.ts' },
    { point: 'shutdownHooks', symbol: 'closeDatabase', from: 'src/lib/database-health.ts' },
  ],
  compose: {
    // No database service: the file sits on a named volume shared by the app and the migrate job.
    app: {
      definition: {
        environment: { SQLITE_PATH: SQLITE_PATH_IN_CONTAINER },
        volumes: [DATA_VOLUME],
        depends_on: { migrate: { condition: 'service_completed_successfully' } },
      },
      volumes: ['app-data'],
    },
    // One-shot: applies pending migrations to the shared file, then exits; the app starts only if it succeeded.
    migrate: {
      definition: {
        build: '.',
        command: ['node', 'dist/db/cli.js', 'migrate'],
        environment: {
          SQLITE_PATH: SQLITE_PATH_IN_CONTAINER,
          CURSOR_SECRET: '${CURSOR_SECRET:?set CURSOR_SECRET (32+ random characters) in your shell or .env}',
        },
        volumes: [DATA_VOLUME],
      },
      volumes: ['app-data'],
    },
  },
};
