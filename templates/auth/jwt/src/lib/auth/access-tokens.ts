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

export function createAccessTokens(options: AccessTokenOptions): AccessTokens {
  const key = new TextEncoder().encode(options.secret);
  const clock = options.clock ?? systemClock;
  const { issuer, audience, ttlSeconds } = options;

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
        .sign(key);
    },

    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          issuer,
          audience,
          requiredClaims: ['sub', 'iat', 'exp'],
          currentDate: new Date(clock.now()),
        });
        const claims = claimsSchema.safeParse(payload);
        return claims.success ? { ok: true, claims: { id: claims.data.sub, role: claims.data.role } } : { ok: false, reason: 'invalid' };
      } catch (error) {
        // Every other failure (signature, algorithm, issuer, audience, malformed) is simply invalid.
        return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
      }
    },
  };
}
