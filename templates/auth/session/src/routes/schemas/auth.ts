import { z } from 'zod';
import { successSchema } from './common.js';

/**
 * HTTP schemas of the session routes of /api/v1/auth (--auth session): they validate requests, shape
 * responses and generate the docs. Register, login's body and password reset are in schemas/account.ts.
 */

export const csrfTokenSchema = z
  .object({
    csrfToken: z.string().max(128).describe('Send it as x-csrf-token with every POST, PUT, PATCH and DELETE of this session'),
  })
  .meta({ id: 'CsrfToken' });

export const csrfTokenResponseSchema = successSchema(csrfTokenSchema);
