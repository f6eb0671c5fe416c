import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  driverErrorSummary,
  duplicateKeyName,
  isDatabaseUnavailable,
  isUniqueViolation,
  isUnstorableText,
  redactDriverMessage,
  withDatabase,
} from '../../src/repositories/mysql-errors.js';
import { ServiceUnavailableError, ValidationError } from '../../src/utils/errors.js';

const driverError = (fields: Record<string, string | number>) => Object.assign(new Error(String(fields.message ?? 'driver')), fields);
const wrapped = (cause: Error) => new DrizzleQueryError('insert into users …', [], cause);
const duplicate = (key: string) =>
  driverError({ code: 'ER_DUP_ENTRY', errno: 1062, message: `Duplicate entry 'a@example.com' for key '${key}'` });

describe('MySQL error classification', () => {
  it('finds a duplicate key behind DrizzleQueryError, on the named unique index only', () => {
    const error = wrapped(duplicate('users_email_unique'));
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'users_email_unique')).toBe(true);
    expect(isUniqueViolation(error, 'other_unique')).toBe(false);
    expect(isUniqueViolation(wrapped(driverError({ code: 'ER_CHECK_CONSTRAINT_VIOLATED', errno: 4025 })))).toBe(false);
  });

  it('reads the key name whether or not the server prefixes the table (MySQL 8, some MariaDB versions)', () => {
    expect(duplicateKeyName(duplicate('users.users_email_unique'))).toBe('users_email_unique');
    // A value that itself looks like "for key '…'" does not fool it: the name is the last quoted part.
    const tricky = driverError({ errno: 1062, message: `Duplicate entry 'x' for key 'y' for key 'refresh_tokens_token_hash_unique'` });
    expect(duplicateKeyName(tricky)).toBe('refresh_tokens_token_hash_unique');
    // Already extracted by a wrapper that withholds the message (secret-safe.ts).
    expect(isUniqueViolation({ code: 'ER_DUP_ENTRY', constraint: 'api_keys_key_hash_unique', message: 'withheld' }, 'api_keys_key_hash_unique')).toBe(true);
  });

  it('cuts the duplicated value (possibly a secret) out of a message and its summary', () => {
    const hash = 'ab'.repeat(32);
    const text = redactDriverMessage(`Duplicate entry '${hash}' for key 'refresh_tokens_token_hash_unique'`);
    expect(text).not.toContain(hash);
    expect(text).toContain('refresh_tokens_token_hash_unique');
    const summary = driverErrorSummary(wrapped(duplicate('users.refresh_tokens_token_hash_unique')));
    expect(summary).toEqual({
      code: 'ER_DUP_ENTRY',
      constraint: 'refresh_tokens_token_hash_unique',
      message: "Duplicate entry '…' for key 'users.refresh_tokens_token_hash_unique'",
    });
    expect(driverErrorSummary(new Error('no driver'))).toBeUndefined();
  });

  it('recognizes an unreachable or overloaded database', () => {
    expect(isDatabaseUnavailable(wrapped(driverError({ code: 'ECONNREFUSED' })))).toBe(true);
    expect(isDatabaseUnavailable(driverError({ code: 'PROTOCOL_CONNECTION_LOST' }))).toBe(true);
    expect(isDatabaseUnavailable(driverError({ errno: 1040, code: 'ER_CON_COUNT_ERROR' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Can't add new command when connection is in closed state"))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(driverError({ code: 'ER_NO_SUCH_TABLE', errno: 1146 })))).toBe(false);
  });

  it('withDatabase turns unavailability into 503, unstorable text into 400, and lets other errors through', async () => {
    await expect(withDatabase(() => Promise.reject(driverError({ code: 'ETIMEDOUT' })))).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(isUnstorableText(wrapped(driverError({ code: 'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD', errno: 1366 })))).toBe(true);
    await expect(withDatabase(() => Promise.reject(wrapped(driverError({ errno: 1366 }))))).rejects.toBeInstanceOf(ValidationError);
    const syntax = driverError({ code: 'ER_PARSE_ERROR', errno: 1064 });
    await expect(withDatabase(() => Promise.reject(syntax))).rejects.toBe(syntax);
  });
});
