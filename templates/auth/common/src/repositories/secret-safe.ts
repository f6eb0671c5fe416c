import { AppError } from '../utils/errors.js';
import { withDatabase } from './pg-errors.js';

/**
 * For queries whose parameters are secrets (password hashes, token hashes). Drizzle's error message
 * quotes every parameter and PostgreSQL's `detail` quotes the offending key, so an unexpected failure
 * would put them in the error log. It is re-thrown carrying only the driver's own message and its
 * SQLSTATE code and constraint name (which pg-errors.ts still recognises).
 */

interface DriverFields {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
  cause?: unknown;
}

function driverError(error: unknown): DriverFields | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const fields: DriverFields = current;
    if (typeof fields.code === 'string') return fields;
    current = fields.cause;
  }
  return undefined;
}

export class SecretSafeQueryError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly constraint?: string,
  ) {
    super(message);
    this.name = 'SecretSafeQueryError';
  }
}

export async function withSecretParams<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await withDatabase(work);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const driver = driverError(error);
    const code = typeof driver?.code === 'string' ? driver.code : undefined;
    const constraint = typeof driver?.constraint === 'string' ? driver.constraint : undefined;
    const reason = typeof driver?.message === 'string' ? driver.message : 'no driver message';
    throw new SecretSafeQueryError(`Query failed (parameters withheld): ${reason}`, code, constraint);
  }
}
