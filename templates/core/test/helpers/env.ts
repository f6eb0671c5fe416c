import { randomBytes } from 'node:crypto';
import { ConfigError, loadEnv, PRODUCTION_SECRETS, type Env, type EnvIssue } from '../../src/config/env.js';
import { cacheProductionEnv, cacheTestEnv } from './cache-env.js';

/**
 * Environment for tests: quiet logs, an in-memory PGlite, or the real server when DATABASE_URL is set
 * (CI and `DATABASE_URL=… npm test` run the very same suites against PostgreSQL), plus what the cache
 * option needs (test/helpers/cache-env.ts).
 * Rate limits are out of the way unless a test sets small ones (test/integration/rate-limit.test.ts).
 */
export function testEnv(overrides: Record<string, string | undefined> = {}): Env {
  return loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PGLITE_DIR: 'memory://',
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_POOL_MAX: '4',
    RATE_LIMIT_MAX: '100000',
    ...cacheTestEnv(),
    ...overrides,
  });
}

/** NODE_ENV=production with a fresh random value for every secret production insists on, and what else it requires. */
export function productionEnv(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    ...Object.fromEntries(PRODUCTION_SECRETS.map((name) => [name, randomBytes(36).toString('base64url')])),
    ...cacheProductionEnv(),
  };
}

/** What loadEnv refuses in `source`, variable by variable; [] when it is a valid configuration. */
export function envIssues(source: Record<string, string>): EnvIssue[] {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  return [];
}
