import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../../utils/errors.js';

/**
 * Envelope schemas shared by every route. They validate/serialize responses and, through
 * fastify-type-provider-zod, become the OpenAPI document (ids make them reusable components).
 */

const errorCodes = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/*
 * Every schema states its bounds (maxLength, maxItems, integer formats): clients and the docs learn
 * them, and the OWASP API rules (Spectral) ask for them. Response schemas are enforced when a reply is
 * serialized, so a bound there must hold for every value the server can produce.
 */

/**
 * A UUID; the format already implies the length, the bound says it in the docs. Lower-cased: ids are
 * stored in lower case on every database, and PostgreSQL's uuid type matches an upper-case one anyway,
 * so `/users/7A3F…` finds the same row on SQLite and MySQL too.
 */
export const uuid = () => z.uuid().max(36).toLowerCase();

/** An instant as the API writes it: Date#toISOString, UTC, 24 characters. */
export const timestamp = () => z.iso.datetime().max(32);

/** An instant a client sends: ISO 8601 with Z or an offset, fractions of a second allowed. */
export const timestampInput = () => z.iso.datetime({ offset: true }).max(64);

/** A count or a size: JSON numbers are exact up to 2^53, far within int64. */
export const count = () => z.int().nonnegative().meta({ format: 'int64' });

/** A bounded whole number that fits in 32 bits. */
export const int32 = (min: number, max: number) => z.int().min(min).max(max).meta({ format: 'int32' });

/** Cursors the API writes fit the bound every `?cursor=` parameter accepts. */
export const CURSOR_MAX_LENGTH = 2048;
export const nextCursor = () => z.string().max(CURSOR_MAX_LENGTH).nullable();

/**
 * A string the server writes that may echo client input (a field name, an unknown key): cut to `max`
 * characters when serialized, so an oversized request cannot make its own error response invalid.
 */
const bounded = (max: number) => z.string().overwrite((value) => (value.length > max ? `${value.slice(0, max - 1)}…` : value)).max(max);

const MAX_ERROR_DETAILS = 100;

export const errorResponseSchema = z
  .object({
    success: z.literal(false),
    error: z.object({
      code: z.enum(errorCodes),
      message: bounded(1000),
      details: z
        .array(z.object({ field: bounded(200), message: bounded(500) }))
        .overwrite((details) => details.slice(0, MAX_ERROR_DETAILS))
        .max(MAX_ERROR_DETAILS)
        .optional()
        .describe(`Present on validation errors: one entry per offending field or parameter (the first ${MAX_ERROR_DETAILS})`),
    }),
  })
  .meta({ id: 'ErrorResponse', description: 'Every error, whatever its status, has this shape' });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Validation failed (body, path or query parameter, cursor, or malformed JSON)',
  401: 'Missing, invalid or expired credentials (UNAUTHORIZED, TOKEN_EXPIRED, INVALID_CREDENTIALS)',
  403: 'Authenticated, but not allowed to do this',
  404: 'Not found',
  409: 'Conflict with existing data',
  413: 'Request body too large',
  415: 'Unsupported content-type (send application/json)',
  429: 'Too many requests (RATE_LIMITED, ACCOUNT_LOCKED); see the retry-after header',
  500: 'Unexpected server error',
  503: 'A dependency is unavailable or the server is shutting down',
};

/** `{ 400: ErrorResponse, 404: ErrorResponse, … }` for a route's `response` schema. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof errorResponseSchema> {
  return Object.fromEntries(
    statuses.map((status) => [status, errorResponseSchema.describe(ERROR_DESCRIPTIONS[status] ?? 'Error')]),
  ) as Record<S, typeof errorResponseSchema>;
}

export function successSchema<T extends z.ZodType>(data: T) {
  return z.object({ success: z.literal(true), data });
}
