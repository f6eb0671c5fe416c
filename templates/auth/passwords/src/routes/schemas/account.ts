import { z } from 'zod';
import { successSchema } from './common.js';

/**
 * HTTP schemas of the password-account routes every password mode (jwt, session) shares: register,
 * login's body, password reset. The mode's schemas/auth.ts adds what only its login flow needs.
 */

const email = z
  .string()
  .max(254)
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254))
  .meta({ format: 'email' })
  .describe('Trimmed and lower-cased before use');
const newPassword = z.string().min(8).max(100).describe('8 to 100 characters');
// Any length is checked against the hash, so a wrong-length password is just a failed login.
const password = z.string().min(1).max(100);
/** Bounds a presented random token (reset or refresh) so that an oversized one is a 400, not a lookup. */
export const opaqueToken = z.string().min(1).max(512);

export const registerBodySchema = z.strictObject({
  email,
  password: newPassword,
  name: z.string().trim().min(1).max(100),
});

export const loginBodySchema = z.strictObject({ email, password });

export const forgotPasswordBodySchema = z.strictObject({ email });

export const resetPasswordBodySchema = z.strictObject({
  token: opaqueToken.describe('The token from the reset link'),
  password: newPassword,
});

export const acceptedResponseSchema = successSchema(z.object({ message: z.string().max(500) }));
