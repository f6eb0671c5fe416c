import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Opaque pagination cursors: base64url(JSON payload) + "." + base64url(HMAC-SHA256 of it).
 * The signature makes a cursor unforgeable, so a client cannot craft keyset values that were
 * never returned to it. `fingerprint` ties the cursor to the query (sort, filters) that produced it.
 */

export interface CursorPayload {
  fingerprint: string;
  /** Keyset values of the last row returned: the sort keys in order, then the id. */
  position: string[];
}

const payloadSchema = z.object({
  f: z.string(),
  p: z.array(z.string()).min(1),
});

export interface CursorCodec {
  encode(payload: CursorPayload): string;
  /** Null when the token is malformed or its signature does not match. */
  decode(token: string): CursorPayload | null;
}

export function createCursorCodec(secret: string): CursorCodec {
  const sign = (body: string) => createHmac('sha256', secret).update(body).digest();

  return {
    encode({ fingerprint, position }) {
      const body = Buffer.from(JSON.stringify({ f: fingerprint, p: position })).toString('base64url');
      return `${body}.${sign(body).toString('base64url')}`;
    },

    decode(token) {
      const [body, signature, ...rest] = token.split('.');
      if (body === undefined || signature === undefined || rest.length > 0) return null;
      const expected = sign(body);
      const given = Buffer.from(signature, 'base64url');
      // Constant-time comparison: no timing oracle for forging a signature byte by byte.
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
        return parsed.success ? { fingerprint: parsed.data.f, position: parsed.data.p } : null;
      } catch {
        return null;
      }
    },
  };
}
