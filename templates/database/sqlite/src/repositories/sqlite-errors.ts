import { ServiceUnavailableError } from '../utils/errors.js';

/**
 * SQLite error classification (better-sqlite3's extended result codes, e.g. SQLITE_CONSTRAINT_UNIQUE),
 * shared by repositories. Drizzle wraps driver errors in DrizzleQueryError, so the original is found by
 * walking the `cause` chain.
 */

interface DriverErrorFields {
  code?: unknown;
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

// SQLite names the columns, not the constraint: "UNIQUE constraint failed: users.email" (or
// "…: t.a, t.b"); an expression index is named: "UNIQUE constraint failed: index 'name'".
const UNIQUE_COLUMNS = /UNIQUE constraint failed: ((?:\w+\.\w+)(?:, \w+\.\w+)*)/;
const UNIQUE_INDEX = /UNIQUE constraint failed: index '([^']+)'/;

/**
 * The names a violated key goes by. Unique constraints are named `<table>_<columns>_unique` throughout
 * the migrations (the PostgreSQL names), so the name is rebuilt from the columns; a duplicate primary
 * key is `<table>_pkey`, as PostgreSQL calls it.
 */
function violatedKeys(e: DriverErrorFields): string[] {
  if (e.code !== 'SQLITE_CONSTRAINT_UNIQUE' && e.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return [];
  const message = typeof e.message === 'string' ? e.message : '';
  const index = UNIQUE_INDEX.exec(message)?.[1];
  if (index !== undefined) return [index];
  const columns = UNIQUE_COLUMNS.exec(message)?.[1]?.split(', ').map((qualified) => qualified.split('.'));
  const table = columns?.[0]?.[0];
  if (columns === undefined || table === undefined) return ['(unknown key)'];
  if (e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return [`${table}_pkey`];
  return [`${table}_${columns.map(([, column]) => column).join('_')}_unique`];
}

/** A unique (or primary key) violation, optionally on one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return causeChain(error).some((e) => {
    const keys = violatedKeys(e);
    return keys.length > 0 && (constraint === undefined || keys.includes(constraint));
  });
}

/** SQLITE_CONSTRAINT_FOREIGNKEY: the row a foreign key points at does not exist (or is still referenced). */
export function isForeignKeyViolation(error: unknown): boolean {
  return causeChain(error).some((e) => e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY');
}

/**
 * What may be logged of a failed query's driver error (secret-safe.ts): its code, the constraint it
 * violated (rebuilt as above), and its message, which names columns but never quotes values.
 */
export function driverErrorSummary(error: unknown): { code: string; constraint?: string; message?: string } | undefined {
  const driver = causeChain(error).find((e) => typeof e.code === 'string');
  if (driver === undefined || typeof driver.code !== 'string') return undefined;
  const [key] = violatedKeys(driver);
  return {
    code: driver.code,
    ...(key ? { constraint: key } : {}),
    ...(typeof driver.message === 'string' ? { message: driver.message } : {}),
  };
}

// The file is locked by another process past the busy timeout (BUSY, LOCKED), cannot be opened or read
// (CANTOPEN, IOERR, NOTADB), the disk is full (FULL) or read-only (READONLY): the data is out of
// reach for now, not the request at fault. Extended codes share the prefix (SQLITE_BUSY_SNAPSHOT, …).
const UNAVAILABLE_CODE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|NOTADB|FULL|READONLY|PROTOCOL)(_|$)/;
// better-sqlite3 throws a plain TypeError with this message on a closed connection (no code).
const UNAVAILABLE_MESSAGE = /The database connection is not open/;

export function isDatabaseUnavailable(error: unknown): boolean {
  return causeChain(error).some(
    (e) =>
      (typeof e.code === 'string' && UNAVAILABLE_CODE.test(e.code)) ||
      (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)),
  );
}

/**
 * Runs a query (synchronous or not); a database that cannot be used becomes a 503 instead of an opaque
 * 500. SQLite stores any text, NUL included, so unlike PostgreSQL there is no "unstorable text" case.
 */
export async function withDatabase<T>(work: () => T | PromiseLike<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new ServiceUnavailableError('Database unavailable');
    throw error;
  }
}
