import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for webhook signing secrets. Unlike a password or an API key, a signing secret
 * cannot be stored as a hash: every delivery needs it in clear to compute the HMAC. So it is sealed
 * with AES-256-GCM under a key derived from WEBHOOK_SECRET_KEY; a stolen database dump alone reveals
 * nothing, and GCM's tag makes any tampering (or a wrong key) fail loudly instead of signing garbage.
 *
 * Sealed form: `v1.<iv>.<ciphertext>.<tag>` (base64url parts). `context` (the subscription id) is
 * authenticated too, so a ciphertext copied onto another row does not open there.
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class UnreadableSecretError extends Error {
  constructor() {
    super('The webhook signing secret cannot be decrypted: WEBHOOK_SECRET_KEY differs from the one it was stored with, or the row was altered');
    this.name = 'UnreadableSecretError';
  }
}

export interface SecretBox {
  seal(plaintext: string, context: string): string;
  /** Throws UnreadableSecretError when the key, the context or the sealed text is not the original. */
  open(sealed: string, context: string): string;
}

export function createSecretBox(keyMaterial: string): SecretBox {
  // HKDF turns any long random string into exactly 32 key bytes, and the label keeps this key apart
  // from anything else that might one day be derived from the same variable.
  const key = Buffer.from(hkdfSync('sha256', keyMaterial, 'webhook-signing-secrets', `aes-256-gcm ${VERSION}`, 32));

  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, ...[iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'))].join('.');
    },

    open(sealed, context) {
      const [version, iv, ciphertext, tag, ...rest] = sealed.split('.');
      if (version !== VERSION || iv === undefined || ciphertext === undefined || tag === undefined || rest.length > 0) {
        throw new UnreadableSecretError();
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new UnreadableSecretError();
      }
    },
  };
}
