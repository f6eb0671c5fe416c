import { z } from 'zod';
import { opaqueToken } from './account.js';
import { int32, successSchema } from './common.js';

/**
 * HTTP schemas of the token routes of /api/v1/auth (--auth jwt): they validate requests, shape
 * responses and generate the docs. Register, login's body and password reset are in schemas/account.ts.
 */

export const refreshBodySchema = z.strictObject({ refresh_token: opaqueToken });

export const tokenPairSchema = z
  .object({
    access_token: z.string().max(2048).describe('JWT (HS256) for `Authorization: Bearer …`'),
    refresh_token: z.string().max(512).describe('Opaque; single use: each refresh returns a new one'),
    expires_in: int32(1, 2_147_483_647).describe('Seconds until the access token expires'),
    token_type: z.literal('Bearer'),
  })
  .meta({ id: 'TokenPair' });

export const tokenPairResponseSchema = successSchema(tokenPairSchema);
