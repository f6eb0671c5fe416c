import { loadEnv, type Env } from '../../src/config/env.js';

/**
 * Environment for tests: quiet logs, an in-memory PGlite, or the real server when DATABASE_URL is set
 * (CI and `DATABASE_URL=… npm test` run the very same suites against PostgreSQL).
 */
export function testEnv(overrides: Record<string, string | undefined> = {}): Env {
  return loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PGLITE_DIR: 'memory://',
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_POOL_MAX: '4',
    ...overrides,
  });
}
