import { ServiceUnavailableError, ValidationError } from '../utils/errors.js';

/**
 * MySQL/MariaDB error classification (mysql2's `code` names and `errno` numbers), shared by repositories.
 * Drizzle wraps driver errors in DrizzleQueryError, so the original is found by walking the `cause` chain.
 */

interface DriverErrorFields {
  code?: unknown;
  errno?: unknown;
  constraint?: unknown;
  message?: unknown;
  sqlMessage?: unknown;
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

// "Duplicate entry '…' for key 'users_email_unique'"; MariaDB and MySQL 8 may prefix the table ('users.users_email_unique').
const DUPLICATE_KEY = /for key '(?:[^'.]+\.)?([^'.]+)'\s*$/;

/**
 * The unique index a duplicate-key error (1062 ER_DUP_ENTRY) names; undefined for any other error.
 * Read from `constraint` when a wrapper already extracted it (secret-safe.ts does), else from the message.
 */
export function duplicateKeyName(error: unknown): string | undefined {
  for (const e of causeChain(error)) {
    if (e.code !== 'ER_DUP_ENTRY' && e.errno !== 1062) continue;
    if (typeof e.constraint === 'string') return e.constraint;
    const text = typeof e.sqlMessage === 'string' ? e.sqlMessage : typeof e.message === 'string' ? e.message : '';
    return DUPLICATE_KEY.exec(text)?.[1] ?? '';
  }
  return undefined;
}

/** 1062 ER_DUP_ENTRY, optionally on one named unique index (the constraint's name in the migration). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const key = duplicateKeyName(error);
  return key !== undefined && (constraint === undefined || key === constraint);
}

/** 1452 ER_NO_REFERENCED_ROW_2 (and the older ER_NO_REFERENCED_ROW): the row a foreign key points at does not exist. */
export function isForeignKeyViolation(error: unknown): boolean {
  return causeChain(error).some((e) => e.code === 'ER_NO_REFERENCED_ROW_2' || e.code === 'ER_NO_REFERENCED_ROW');
}

/**
 * The message of a driver error with the duplicated value cut out: "Duplicate entry '<value>' for key …"
 * quotes the value, which may be a secret (a token hash).
 */
export function redactDriverMessage(message: string): string {
  return message.replace(/Duplicate entry '.*' for key/s, "Duplicate entry '…' for key");
}

/**
 * What may be logged of a failed query's driver error (secret-safe.ts): its code, the unique index it
 * names, and its message without the quoted value. Undefined when no driver error is in the chain.
 */
export function driverErrorSummary(error: unknown): { code: string; constraint?: string; message?: string } | undefined {
  const driver = causeChain(error).find((e) => typeof e.code === 'string');
  if (driver === undefined || typeof driver.code !== 'string') return undefined;
  const key = duplicateKeyName(driver);
  return {
    code: driver.code,
    ...(key ? { constraint: key } : {}),
    ...(typeof driver.message === 'string' ? { message: redactDriverMessage(driver.message) } : {}),
  };
}

// Socket-level errors node raises before any server answer, mysql2's own protocol errors, and the server's
// "going away / too busy" answers. A lock wait that timed out (1205) is load, not a broken request: 503 too.
const UNAVAILABLE_CODE =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EPIPE|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|PROTOCOL_CONNECTION_LOST|PROTOCOL_SEQUENCE_TIMEOUT|ER_CON_COUNT_ERROR|ER_TOO_MANY_USER_CONNECTIONS|ER_SERVER_SHUTDOWN|ER_CONNECTION_KILLED|ER_LOCK_WAIT_TIMEOUT)$/;
// 1040 too many connections, 1053 shutdown in progress, 1203 user connection limit, 1205 lock wait timeout,
// 1927 connection killed (MariaDB), 2002/2003/2006/2013 client-side "can't connect / server gone / lost".
const UNAVAILABLE_ERRNO = new Set([1040, 1053, 1203, 1205, 1927, 2002, 2003, 2006, 2013]);
// mysql2 reports a connection used after a fatal error, or the pool after end(), with these messages and no code.
const UNAVAILABLE_MESSAGE = /Can't add new command when connection is in closed state|Connection lost|Pool is closed/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  return causeChain(error).some(
    (e) =>
      (typeof e.code === 'string' && UNAVAILABLE_CODE.test(e.code)) ||
      (typeof e.errno === 'number' && UNAVAILABLE_ERRNO.has(e.errno)) ||
      (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)),
  );
}

/**
 * 1366 ER_TRUNCATED_WRONG_VALUE_FOR_FIELD ("Incorrect string value"): text a column's character set cannot
 * hold, e.g. non-ASCII in an ASCII column. utf8mb4 columns store any JavaScript string, NUL included (a lone
 * surrogate arrives as U+FFFD), so this is rare; it is the client's text all the same, hence a 400.
 */
export function isUnstorableText(error: unknown): boolean {
  return causeChain(error).some((e) => e.code === 'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD' || e.errno === 1366);
}

/**
 * Runs a query; a database that cannot be reached becomes a 503 instead of an opaque 500, and text the
 * database cannot store a 400 instead of a 500.
 */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new ServiceUnavailableError('Database unavailable');
    if (isUnstorableText(error)) throw new ValidationError('Text contains characters the database cannot store');
    throw error;
  }
}
