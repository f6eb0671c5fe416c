import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque secrets handed to clients (refresh tokens, password-reset tokens): 256 bits from the CSPRNG,
 * base64url-encoded. Only their SHA-256 is stored, so a leaked table cannot be replayed; a fast hash is
 * enough because the input is random, not a guessable password.
 */

export const SECRET_TOKEN_BYTES = 32;

export function newSecretToken(): string {
  return randomBytes(SECRET_TOKEN_BYTES).toString('base64url');
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
