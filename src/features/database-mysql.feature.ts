import type { FeatureManifest } from './types.js';

/**
 * MySQL / MariaDB through Drizzle and a mysql2 pool. There is no embedded MySQL, so DATABASE_URL is
 * required (by createDatabase, at start-up); `docker compose up -d mariadb` provides a server matching the example value.
 */
export const databaseMysqlFeature: FeatureManifest = {
  id: 'database-mysql',
  summary: 'Database (MySQL / MariaDB)',
  selectedWhen: { option: 'database', equals: 'mysql' },
  requires: ['core'],
  dependencies: ['drizzle-orm', 'mysql2'],
  scripts: {
    'db:migrate': 'tsx src/db/cli.ts migrate',
    'db:rollback': 'tsx src/db/cli.ts rollback',
    'db:seed': 'tsx src/db/cli.ts seed',
    'db:status': 'tsx src/db/cli.ts status',
  },
  env: [
    {
      name: 'DATABASE_URL',
      // Optional to the schema (so configuration checks that do not involve the database stay valid without
      // one), required where it is used: createDatabase refuses to start without it, naming it.
      schema: 'optionalUrl(/^(mysql|mariadb)$/)',
      example: 'mysql://app:app@localhost:3306/app',
      description:
        'MySQL / MariaDB connection URL (required: there is no embedded MySQL). `docker compose up -d mariadb` starts\na server that matches this example. Tests create a database per test file, so run them as a user that may\ncreate databases: DATABASE_URL=mysql://root:app@localhost:3306/app npm test',
    },
    { name: 'DATABASE_POOL_MAX', schema: 'int(1, 1000).default(10)', example: '10', description: 'Maximum connections in the pool.' },
  ],
  needsServer: { env: 'DATABASE_URL', start: 'start a MySQL/MariaDB server (docker compose up -d mariadb), then run npm run db:migrate && npm test' },
  templates: ['database/common', 'database/mysql'],
  registrations: [
    { point: 'healthChecks', symbol: 'databaseHealthCheck', from: 'src/lib/database-health.ts' },
    { point: 'shutdownHooks', symbol: 'closeDatabase', from: 'src/lib/database-health.ts' },
  ],
  compose: {
    app: {
      definition: {
        environment: { DATABASE_URL: 'mysql://app:app@mariadb:3306/app' },
        depends_on: { mariadb: { condition: 'service_healthy' } },
      },
    },
    mariadb: {
      definition: {
        image: 'mariadb:10.11',
        // Tables name their character set and collation; the server defaults match them for anything else.
        command: ['--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_520_ci'],
        environment: { MARIADB_USER: 'app', MARIADB_PASSWORD: 'app', MARIADB_DATABASE: 'app', MARIADB_ROOT_PASSWORD: 'app' },
        ports: ['3306:3306'],
        volumes: ['mariadb-data:/var/lib/mysql'],
        healthcheck: { test: ['CMD', 'healthcheck.sh', '--connect', '--innodb_initialized'], interval: '5s', timeout: '5s', retries: 10 },
      },
      volumes: ['mariadb-data'],
    },
    // One-shot: applies pending migrations, then exits; the app starts only if it succeeded.
    migrate: {
      definition: {
        build: '.',
        command: ['node', 'dist/db/cli.js', 'migrate'],
        environment: {
          DATABASE_URL: 'mysql://app:app@mariadb:3306/app',
          CURSOR_SECRET: '${CURSOR_SECRET:?set CURSOR_SECRET (32+ random characters) in your shell or .env}',
        },
        depends_on: { mariadb: { condition: 'service_healthy' } },
      },
    },
  },
};
