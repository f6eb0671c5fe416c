import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { envIssues } from '../helpers/env.js';

describe('database configuration (SQLite)', () => {
  it('defaults to .data/app.sqlite, waiting up to 5 s for another writer', () => {
    expect(loadEnv({})).toMatchObject({ SQLITE_PATH: '.data/app.sqlite', SQLITE_BUSY_TIMEOUT_MS: 5000 });
  });

  it('takes a path (or :memory:) and a timeout in milliseconds', () => {
    expect(loadEnv({ SQLITE_PATH: ' /var/lib/app/data.sqlite ', SQLITE_BUSY_TIMEOUT_MS: '250' })).toMatchObject({
      SQLITE_PATH: '/var/lib/app/data.sqlite',
      SQLITE_BUSY_TIMEOUT_MS: 250,
    });
    expect(loadEnv({ SQLITE_PATH: ':memory:' }).SQLITE_PATH).toBe(':memory:');
  });

  it('refuses an empty path and a timeout that is not a whole number of milliseconds', () => {
    const issues = envIssues({ SQLITE_PATH: '  ', SQLITE_BUSY_TIMEOUT_MS: '1.5' });
    expect(new Set(issues.map((issue) => issue.variable))).toEqual(new Set(['SQLITE_PATH', 'SQLITE_BUSY_TIMEOUT_MS']));
  });
});
