import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../../src/config/env.js';
import { createDatabase, requireDatabaseUrl } from '../../src/lib/database.js';
import { envIssues } from '../helpers/env.js';

describe('database configuration (MySQL / MariaDB)', () => {
  it('takes a mysql:// or mariadb:// URL, with a pool of 10 by default', () => {
    expect(loadEnv({ DATABASE_URL: 'mysql://u:p@db:3306/app' })).toMatchObject({ DATABASE_URL: 'mysql://u:p@db:3306/app', DATABASE_POOL_MAX: 10 });
    expect(loadEnv({ DATABASE_URL: 'mariadb://u:p@db/app' }).DATABASE_URL).toBe('mariadb://u:p@db/app');
  });

  it('refuses another database URL and a pool size that is not a whole number', () => {
    const issues = envIssues({ DATABASE_URL: 'postgres://x@y/z', DATABASE_POOL_MAX: '1.5' });
    expect(new Set(issues.map((issue) => issue.variable))).toEqual(new Set(['DATABASE_URL', 'DATABASE_POOL_MAX']));
  });

  it('has no embedded fallback: without DATABASE_URL nothing opens, and the error names it and says how to get a server', async () => {
    // Unset (or empty, as `.env` files say it) is valid configuration; using the database is what refuses.
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    const error = await createDatabase(loadEnv({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([{ variable: 'DATABASE_URL', message: expect.stringMatching(/docker compose up -d mariadb/) }]);
    expect(requireDatabaseUrl({ DATABASE_URL: 'mysql://a@b/c' })).toBe('mysql://a@b/c');
  });
});
