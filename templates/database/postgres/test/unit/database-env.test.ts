import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { envIssues } from '../helpers/env.js';

describe('database configuration (PostgreSQL)', () => {
  it('defaults to the embedded PGlite in .data/pglite, with a pool of 10 for a real server', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ DATABASE_POOL_MAX: 10, PGLITE_DIR: '.data/pglite' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('takes a postgres:// URL, and treats an empty one as unset', () => {
    expect(loadEnv({ DATABASE_URL: 'postgres://u:p@db:5432/app' }).DATABASE_URL).toBe('postgres://u:p@db:5432/app');
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('refuses another database URL and a pool size that is not a whole number', () => {
    const issues = envIssues({ DATABASE_URL: 'mysql://x@y/z', DATABASE_POOL_MAX: '1.5' });
    expect(new Set(issues.map((issue) => issue.variable))).toEqual(new Set(['DATABASE_URL', 'DATABASE_POOL_MAX']));
  });
});
