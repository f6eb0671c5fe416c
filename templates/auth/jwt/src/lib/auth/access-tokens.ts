import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { systemClock, type Clock } from '../../types/auth.js';
import type { TokenClaims } from '../../types/tokens.js';
import { USER_ROLES } from '../../types/user.js';

/**
 * Short-lived access tokens: HS256 JWTs carrying sub, role, iat and exp, bound to an issuer and an
 * audience. Verification accepts HS256 only (so `alg: none` and algorithm-confusion tokens fail) and
 * checks signature, issuer, audience and expiry; only an expired token is reported differently.
 */

export const ACCESS_TOKEN_ALGORITHM = 'HS256';

export interface AccessTokenOptions {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
  clock?: Clock;
}

export type VerifiedAccessToken = { ok: true; claims: TokenClaims } | { ok: false; reason: 'expired' | 'invalid' };

export interface AccessTokens {
  readonly ttlSeconds: number;
  sign(claims: TokenClaims): Promise<string>;
  verify(token: string): Promise<VerifiedAccessToken>;
}

const claimsSchema = z.object({ sub: z.uuid(), role: z.enum(USER_ROLES) });

/** How many verified tokens `verify` remembers (a few hundred bytes each); the oldest goes first. */
const REMEMBERED_TOKENS = 10_000;

export function createAccessTokens(options: AccessTokenOptions): AccessTokens {
  // Imported once: handed the raw bytes, jose would import them as a CryptoKey again on every call,
  // which costs more than checking the signature itself.
  const pendingKey = crypto.subtle.importKey('raw', new TextEncoder().encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  const clock = options.clock ?? systemClock;
  const { issuer, audience, ttlSeconds } = options;
  // A client sends the same access token with every request, and its signature, issuer and audience
  // cannot change: checking the HMAC again (WebCrypto) would cost more than the rest of a cached read.
  // So a verified token is remembered with its expiry, which is still checked on every use.
  const remembered = new Map<string, { claims: TokenClaims; exp: number }>();

  return {
    ttlSeconds,

    async sign({ id, role }) {
      const now = Math.floor(clock.now() / 1000);
      return new SignJWT({ role })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: 'JWT' })
        .setSubject(id)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(now + ttlSeconds)
        .sign(await pendingKey);
    },

    async verify(token) {
      const known = remembered.get(token);
      if (known !== undefined) {
        if (known.exp > Math.floor(clock.now() / 1000)) return { ok: true, claims: known.claims };
        remembered.delete(token);
        return { ok: false, reason: 'expired' };
      }
      try {
        const { payload } = await jwtVerify(token, await pendingKey, {
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          issuer,
          audience,
          requiredClaims: ['sub', 'iat', 'exp'],
          currentDate: new Date(clock.now()),
        });
        const parsed = claimsSchema.safeParse(payload);
        if (!parsed.success || payload.exp === undefined) return { ok: false, reason: 'invalid' };
        const claims = { id: parsed.data.sub, role: parsed.data.role };
        if (remembered.size >= REMEMBERED_TOKENS) {
          for (const oldest of remembered.keys()) {
            remembered.delete(oldest);
            break;
          }
        }
        remembered.set(token, { claims, exp: payload.exp });
        return { ok: true, claims };
      } catch (error) {
        // Every other failure (signature, algorithm, issuer, audience, malformed) is simply invalid.
        return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
      }
    },
  };
}
