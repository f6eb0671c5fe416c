import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    redisUrl: string;
    mysqlUrl: string;
  }
}

const servicesScript = fileURLToPath(new URL('../../../shared/scripts/services.sh', import.meta.url));
const mariadbScript = fileURLToPath(new URL('../services/mariadb.sh', import.meta.url));

/**
 * Real PostgreSQL 15, Redis and MariaDB 10.11 for the end-to-end tests: the ones named by E2E_DATABASE_URL,
 * E2E_REDIS_URL and E2E_MYSQL_URL when the caller runs its own, otherwise started here with the shared
 * services script (and test/services/mariadb.sh) and stopped again afterwards. They get their own
 * directory and ports, so a developer's servers started with the same scripts are neither reused nor
 * stopped. No server is a failure, not a skip:
 * these tests exist to prove the real thing.
 */
export default function setup(project: TestProject): (() => void) | undefined {
  const givenPostgres = process.env['E2E_DATABASE_URL'];
  const givenRedis = process.env['E2E_REDIS_URL'];
  const givenMysql = process.env['E2E_MYSQL_URL'];
  if (givenPostgres && givenRedis && givenMysql) {
    project.provide('postgresUrl', givenPostgres);
    project.provide('redisUrl', givenRedis);
    project.provide('mysqlUrl', givenMysql);
    return undefined;
  }
  if (!existsSync(servicesScript)) {
    throw new Error(`No servers for the e2e tests: set E2E_DATABASE_URL and E2E_REDIS_URL, or put shared/scripts/services.sh at ${servicesScript}`);
  }
  const own = { ...process.env, SVC_DIR: join(tmpdir(), 'csb-e2e-services'), PG_PORT: '55442', REDIS_PORT: '56389', MARIADB_PORT: '53316' };
  const run = (body: string): string =>
    execFileSync('bash', ['-c', `source '${servicesScript}' && source '${mariadbScript}' && ${body}`], {
      encoding: 'utf8',
      env: own,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  const env = run('svc_start_pg >/dev/null && svc_start_redis >/dev/null && mariadb_start >/dev/null && svc_env && mariadb_env');
  const postgresUrl = /^export DATABASE_URL='([^']+)'/m.exec(env)?.[1];
  const redisUrl = /^export REDIS_URL='([^']+)'/m.exec(env)?.[1];
  const mysqlUrl = /^export MYSQL_DATABASE_URL='([^']+)'/m.exec(env)?.[1];
  if (!postgresUrl || !redisUrl || !mysqlUrl) throw new Error(`the services scripts printed no DATABASE_URL, REDIS_URL or MYSQL_DATABASE_URL:\n${env}`);
  project.provide('postgresUrl', givenPostgres ?? postgresUrl);
  project.provide('redisUrl', givenRedis ?? redisUrl);
  project.provide('mysqlUrl', givenMysql ?? mysqlUrl);
  return () => {
    run('mariadb_stop >/dev/null; svc_stop >/dev/null');
  };
}
