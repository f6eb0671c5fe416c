import type { CookieSerializeOptions } from '@fastify/cookie';
import { ConfigError, type Env } from '../../config/env.js';

/**
 * Attributes of the session cookie (--auth session). HttpOnly: page scripts cannot read it, so an XSS
 * cannot carry the session away. Secure: HTTPS only (production refuses SESSION_COOKIE_SECURE=false;
 * browsers treat http://localhost as secure, so it usually works in development too). SameSite=Lax:
 * not sent on cross-site subrequests and form posts, a first line against CSRF (the token is the
 * second); Lax rather than Strict so that following a link to the app keeps the user logged in.
 * Path=/ and no Domain, so the cookie also qualifies for the `__Host-` name prefix.
 */
export function sessionCookieOptions(
  env: Pick<Env, 'NODE_ENV' | 'SESSION_TTL' | 'SESSION_COOKIE_SECURE'>,
): CookieSerializeOptions {
  // Checked here rather than in validateEnvRules so that the rule lives and leaves with session mode;
  // the routes build these options at start-up, so production still refuses to start.
  if (env.NODE_ENV === 'production' && !env.SESSION_COOKIE_SECURE) {
    throw new ConfigError([
      { variable: 'SESSION_COOKIE_SECURE', message: 'must be true in production: the session cookie travels over HTTPS only' },
    ]);
  }
  return {
    httpOnly: true,
    secure: env.SESSION_COOKIE_SECURE,
    sameSite: 'lax',
    path: '/',
    // The browser forgets the cookie when the server-side session ends at the latest.
    maxAge: env.SESSION_TTL,
  };
}
