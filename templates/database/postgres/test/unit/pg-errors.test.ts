import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isUniqueViolation, isUnstorableText, withDatabase } from '../../src/repositories/pg-errors.js';
import { ServiceUnavailableError, ValidationError } from '../../src/utils/errors.js';

const driverError = (fields: Record<string, string>) => Object.assign(new Error('driver'), fields);
const wrapped = (cause: Error) => new DrizzleQueryError('insert into users …', [], cause);

describe('PostgreSQL error classification', () => {
  it('finds a unique violation behind DrizzleQueryError, on the named constraint only', () => {
    const error = wrapped(driverError({ code: '23505', constraint: 'users_email_unique' }));
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'users_email_unique')).toBe(true);
    expect(isUniqueViolation(error, 'other_unique')).toBe(false);
    expect(isUniqueViolation(wrapped(driverError({ code: '23514' })))).toBe(false);
  });

  it('recognizes an unreachable database', () => {
    expect(isDatabaseUnavailable(wrapped(driverError({ code: 'ECONNREFUSED' })))).toBe(true);
    expect(isDatabaseUnavailable(driverError({ code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(driverError({ code: '42P01' })))).toBe(false);
  });

  it('withDatabase turns unavailability into 503, unstorable text into 400, and lets other errors through', async () => {
    await expect(withDatabase(() => Promise.reject(driverError({ code: '08006' })))).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
    // A NUL in text (22021) or in jsonb (22P05) came from the client: 400, not 500.
    expect(isUnstorableText(wrapped(driverError({ code: '22021' })))).toBe(true);
    await expect(withDatabase(() => Promise.reject(wrapped(driverError({ code: '22P05' }))))).rejects.toBeInstanceOf(ValidationError);
    const syntax = driverError({ code: '42601' });
    await expect(withDatabase(() => Promise.reject(syntax))).rejects.toBe(syntax);
  });
});
