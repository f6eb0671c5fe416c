import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * CSRF tokens bound to a session (--auth session): the HMAC-SHA256 of the session id under
 * SESSION_SECRET. A page of another site can make the browser send the session cookie, but it cannot
 * read the cookie (HttpOnly) nor compute this without the secret, so it cannot send the matching
 * `x-csrf-token` header. Nothing is stored: a new session (every login) has a new token, and a token
 * never outlives its session.
 *
 * Written by hand rather than with @fastify/csrf-protection, which keeps a secret of its own in a
 * second cookie or in @fastify/session; binding to our own session id needs neither.
 */

// Domain separation: the same secret may one day sign something else about the same session id.
const CONTEXT = 'csrf-token-v1:';

export interface CsrfTokens {
  issue(sessionId: string): string;
  verify(sessionId: string, token: string | undefined): boolean;
}

/** Constant-time comparison; false for a missing token or one of another length. */
export function csrfTokensMatch(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createCsrfTokens(secret: string): CsrfTokens {
  const issue = (sessionId: string) => createHmac('sha256', secret).update(CONTEXT + sessionId, 'utf8').digest('base64url');
  return { issue, verify: (sessionId, token) => csrfTokensMatch(issue(sessionId), token) };
}
