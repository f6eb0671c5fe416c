import { ServiceUnavailableError, ValidationError } from '../utils/errors.js';

/**
 * PostgreSQL error classification (SQLSTATE codes), shared by repositories. Drizzle wraps driver
 * errors in DrizzleQueryError, so the original is found by walking the `cause` chain.
 */

interface DriverErrorFields {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

function causeChain(error: unknown): DriverErrorFields[] {
  const chain: DriverErrorFields[] = [];
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && chain.length < 5) {
    chain.push(current);
    current = 'cause' in current ? current.cause : undefined;
  }
  return chain;
}

/** 23505 unique_violation, optionally on one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return causeChain(error).some(
    (e) => e.code === '23505' && (constraint === undefined || e.constraint === constraint),
  );
}

/** 23503 foreign_key_violation: the row a foreign key points at does not exist (or is still referenced). */
export function isForeignKeyViolation(error: unknown): boolean {
  return causeChain(error).some((e) => e.code === '23503');
}

/**
 * What may be logged of a failed query's driver error (secret-safe.ts): its SQLSTATE code, the constraint
 * it names, and its message (PostgreSQL puts the offending value only in `detail`, which is left out).
 */
export function driverErrorSummary(error: unknown): { code: string; constraint?: string; message?: string } | undefined {
  const driver = causeChain(error).find((e) => typeof e.code === 'string');
  if (driver === undefined || typeof driver.code !== 'string') return undefined;
  return {
    code: driver.code,
    ...(typeof driver.constraint === 'string' ? { constraint: driver.constraint } : {}),
    ...(typeof driver.message === 'string' ? { message: driver.message } : {}),
  };
}

// Class 08 (connection exception), 57P01-57P03 (server shutting down / not accepting), and the
// socket-level errors node raises before any SQLSTATE exists.
const UNAVAILABLE_CODE = /^(08...|57P0[1-3]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EPIPE)$/;
// pg's pool reports an exhausted connect timeout with this message and no code.
const UNAVAILABLE_MESSAGE = /timeout exceeded when trying to connect|Connection terminated/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  return causeChain(error).some(
    (e) =>
      (typeof e.code === 'string' && UNAVAILABLE_CODE.test(e.code)) ||
      (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)),
  );
}

// 22021 character_not_in_repertoire (a NUL in text: "invalid byte sequence for encoding UTF8: 0x00")
// and 22P05 untranslatable_character (\u0000 in jsonb): text a client sent that PostgreSQL cannot store.
const UNSTORABLE_TEXT_CODE = /^(22021|22P05)$/;

export function isUnstorableText(error: unknown): boolean {
  return causeChain(error).some((e) => typeof e.code === 'string' && UNSTORABLE_TEXT_CODE.test(e.code));
}

/**
 * Runs a query; a database that cannot be reached becomes a 503 instead of an opaque 500, and text
 * the database cannot store (schemas accept any string, NUL included) a 400 instead of a 500.
 */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new ServiceUnavailableError('Database unavailable');
    if (isUnstorableText(error)) throw new ValidationError('Text must not contain NUL (\\u0000) characters');
    throw error;
  }
}
