import BetterSqlite3 from 'better-sqlite3';
import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isUniqueViolation, withDatabase } from '../../src/repositories/sqlite-errors.js';
import { ServiceUnavailableError } from '../../src/utils/errors.js';

const driverError = (code: string, message: string) => new BetterSqlite3.SqliteError(message, code);
const wrapped = (cause: Error) => new DrizzleQueryError('insert into users …', [], cause);

describe('SQLite error classification', () => {
  it('finds a unique violation behind DrizzleQueryError and names it after its columns, as the migrations do', () => {
    const error = wrapped(driverError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: users.email'));
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'users_email_unique')).toBe(true);
    expect(isUniqueViolation(error, 'other_unique')).toBe(false);
    const pair = driverError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: memberships.team_id, memberships.user_id');
    expect(isUniqueViolation(pair, 'memberships_team_id_user_id_unique')).toBe(true);
    expect(isUniqueViolation(driverError('SQLITE_CONSTRAINT_PRIMARYKEY', 'UNIQUE constraint failed: t.id'), 't_pkey')).toBe(true);
    expect(isUniqueViolation(driverError('SQLITE_CONSTRAINT_UNIQUE', "UNIQUE constraint failed: index 'by_lower_name'"), 'by_lower_name')).toBe(true);
    expect(isUniqueViolation(wrapped(driverError('SQLITE_CONSTRAINT_CHECK', 'CHECK constraint failed: users_role_check')))).toBe(false);
  });

  it('finds it in real driver errors, and in the message a secret-safe re-throw keeps', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec('CREATE TABLE t (a text, CONSTRAINT t_a_unique UNIQUE (a))');
    db.exec(`INSERT INTO t VALUES ('x')`);
    const error = ((): unknown => {
      try {
        db.exec(`INSERT INTO t VALUES ('x')`);
      } catch (e) {
        return e;
      }
      return null;
    })();
    db.close();
    expect(isUniqueViolation(error, 't_a_unique')).toBe(true);
    const rethrown = Object.assign(new Error('Query failed (parameters withheld): UNIQUE constraint failed: t.a'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(isUniqueViolation(rethrown, 't_a_unique')).toBe(true);
  });

  it('recognizes a database that cannot be used: locked past the timeout, unreadable, closed', () => {
    expect(isDatabaseUnavailable(wrapped(driverError('SQLITE_BUSY', 'database is locked')))).toBe(true);
    expect(isDatabaseUnavailable(driverError('SQLITE_BUSY_SNAPSHOT', 'database is locked'))).toBe(true);
    expect(isDatabaseUnavailable(driverError('SQLITE_CANTOPEN', 'unable to open database file'))).toBe(true);
    expect(isDatabaseUnavailable(driverError('SQLITE_IOERR_WRITE', 'disk I/O error'))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new TypeError('The database connection is not open')))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(driverError('SQLITE_ERROR', 'no such table: users')))).toBe(false);
    expect(isDatabaseUnavailable(driverError('SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed'))).toBe(false);
  });

  it('withDatabase turns unavailability into 503 and lets other errors through, for sync and async work', async () => {
    await expect(withDatabase(() => Promise.reject(driverError('SQLITE_BUSY', 'database is locked')))).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
    const locked = () => {
      throw driverError('SQLITE_LOCKED', 'database table is locked');
    };
    await expect(withDatabase(locked)).rejects.toBeInstanceOf(ServiceUnavailableError);
    const syntax = driverError('SQLITE_ERROR', 'near "selec": syntax error');
    await expect(withDatabase(() => Promise.reject(syntax))).rejects.toBe(syntax);
    expect(await withDatabase(() => 42)).toBe(42);
  });
});
