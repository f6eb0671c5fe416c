import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../../utils/errors.js';

/**
 * Envelope schemas shared by every route. They validate/serialize responses and, through
 * fastify-type-provider-zod, become the OpenAPI document (ids make them reusable components).
 */

const errorCodes = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const errorResponseSchema = z
  .object({
    success: z.literal(false),
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z
        .array(z.object({ field: z.string(), message: z.string() }))
        .optional()
        .describe('Present on validation errors: one entry per offending field or parameter'),
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
