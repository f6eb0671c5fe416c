import { z } from 'zod';
import { opaqueToken } from './account.js';
import { successSchema } from './common.js';

/**
 * HTTP schemas of the token routes of /api/v1/auth (--auth jwt): they validate requests, shape
 * responses and generate the docs. Register, login's body and password reset are in schemas/account.ts.
 */

export const refreshBodySchema = z.strictObject({ refresh_token: opaqueToken });

export const tokenPairSchema = z
  .object({
    access_token: z.string().describe('JWT (HS256) for `Authorization: Bearer …`'),
    refresh_token: z.string().describe('Opaque; single use: each refresh returns a new one'),
    expires_in: z.int().positive().describe('Seconds until the access token expires'),
    token_type: z.literal('Bearer'),
  })
  .meta({ id: 'TokenPair' });

export const tokenPairResponseSchema = successSchema(tokenPairSchema);
