import { z } from 'zod';
import { successSchema } from './common.js';

/** HTTP schemas of /api/v1/auth: they validate requests, shape responses and generate the docs. */

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254))
  .describe('Trimmed and lower-cased before use');
const newPassword = z.string().min(8).max(100).describe('8 to 100 characters');
// Any length is checked against the hash, so a wrong-length password is just a failed login.
const password = z.string().min(1).max(100);
const opaqueToken = z.string().min(1).max(512);

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

export const csrfTokenSchema = z
  .object({
    csrfToken: z.string().describe('Send it as x-csrf-token with every POST, PUT, PATCH and DELETE of this session'),
  })
  .meta({ id: 'CsrfToken' });

export const csrfTokenResponseSchema = successSchema(csrfTokenSchema);

export const acceptedResponseSchema = successSchema(z.object({ message: z.string() }));
