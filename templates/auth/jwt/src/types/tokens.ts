import type { UserRole } from './user.js';

/** jwt mode: what access and refresh tokens carry, and the port of the refresh-token store. */

/** What a verified access token says about its bearer. */
export interface TokenClaims {
  readonly id: string;
  readonly role: UserRole;
}

/** The body of a successful login or refresh (names follow OAuth 2.0, RFC 6749 §5.1). */
export interface TokenPair {
  access_token: string;
  refresh_token: string;
  /** Seconds until the access token expires. */
  expires_in: number;
  token_type: 'Bearer';
}

export interface NewRefreshToken {
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
}

/** Outcome of presenting a refresh token; `reused` means the family has just been revoked. */
export type RotationResult = { outcome: 'rotated' | 'reused'; userId: string; familyId: string } | { outcome: 'invalid' };

export interface RefreshTokensRepository {
  create(token: NewRefreshToken): Promise<void>;
  /**
   * Atomically retires the live token with `tokenHash` and stores `next` in its family. A token that
   * was already used or revoked revokes its whole family instead (reuse detection); an unknown or
   * expired one is `invalid`.
   */
  rotate(tokenHash: string, next: { tokenHash: string; expiresAt: Date }, now: Date): Promise<RotationResult>;
  /** Revokes the family of the token; the user it belonged to, or null for an unknown token. */
  revokeFamilyOf(tokenHash: string, now: Date): Promise<string | null>;
  revokeFamily(familyId: string, now: Date): Promise<void>;
  deleteExpired(userId: string, now: Date): Promise<void>;
}
