import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { createAuthController } from '../controllers/auth.controller.js';
import { auditOrigin } from '../lib/audit.js';
import { sessionCookieOptions } from '../lib/auth/session-cookie.js';
import { secured } from '../middleware/access.js';
import type { CurrentUser } from '../middleware/current-user.js';
import { requireCsrfToken, requireTrustedOrigin } from '../middleware/authenticate.js';
import type { RouteModule } from '../types/app.js';
import { AccountLockedError, UnauthorizedError } from '../utils/auth-errors.js';
import { loginBodySchema } from './schemas/account.js';
import { csrfTokenResponseSchema } from './schemas/auth.js';
import { errorResponses } from './schemas/common.js';
import { userResponseSchema } from './schemas/users.js';

const tags = ['auth'];

/** Answers that start a session or carry its CSRF token must not be stored by any cache. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** The cookie's session, with its user when the authentication hook found it live. */
const presented = (id: string | undefined, user: CurrentUser | null) => (id === undefined ? undefined : { id, userId: user?.id ?? null });

/**
 * /api/v1/auth (--auth session): login, CSRF token, logout. Login sets the session cookie; there is no
 * refresh route (a session lives server-side until it ends). Register and password reset are the same
 * in every password mode: routes/account.routes.ts. Public routes are each limited to
 * AUTH_RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW per client: far stricter than the rest of the
 * API, against credential stuffing.
 */
export const authRoutes: RouteModule = {
  name: 'auth',
  routes(app, deps) {
    const auth = createAuthController(deps.auth);
    const config = { rateLimit: { max: deps.env.AUTH_RATE_LIMIT_MAX } };
    const cookieName = deps.env.SESSION_COOKIE_NAME;
    const cookieOptions = sessionCookieOptions(deps.env);
    const trustedOrigins = deps.env.CORS_ORIGINS;

    app.post(
      '/auth/login',
      {
        config,
        // Before the body is read: a cross-site login attempt is refused whatever it carries.
        preParsing: async (request, _reply, payload) => {
          requireTrustedOrigin(request, trustedOrigins);
          return payload;
        },
        schema: {
          tags,
          summary: 'Start a session: sets the session cookie and returns the user',
          description:
            `Sets an HttpOnly, SameSite=Lax session cookie (${cookieName}) valid ${deps.env.SESSION_TTL} s at most; any session ` +
            `the client came with ends. Then call GET /api/v1/auth/csrf for the token that POST, PUT, PATCH and DELETE ` +
            `requests must send in x-csrf-token. A request whose Origin is neither this API nor one of CORS_ORIGINS gets ` +
            `403 (login CSRF). A wrong email and a wrong password get the same 401 INVALID_CREDENTIALS. After ` +
            `${deps.env.LOGIN_MAX_ATTEMPTS} failures the account is locked for ${deps.env.LOGIN_LOCKOUT_MINUTES} minutes ` +
            `(429 ACCOUNT_LOCKED, retry-after).`,
          body: loginBodySchema,
          response: { 200: userResponseSchema, ...errorResponses(400, 401, 403, 413, 415, 500) },
        },
      },
      async (request, reply) => {
        try {
          const { user, session } = await auth.login(request.body, auditOrigin(request), presented(request.cookies[cookieName], request.user));
          reply.setCookie(cookieName, session.id, cookieOptions);
          return noStore(reply).send({ success: true as const, data: user });
        } catch (error) {
          if (error instanceof AccountLockedError) reply.header('retry-after', String(error.retryAfterSeconds));
          throw error;
        }
      },
    );

    app.get(
      '/auth/csrf',
      secured('authenticated', {
        schema: {
          tags,
          summary: 'The CSRF token of the current session',
          description: 'Send it in x-csrf-token with every POST, PUT, PATCH and DELETE. It changes at every login.',
          response: { 200: csrfTokenResponseSchema, ...errorResponses(500) },
        },
      }),
      async (request, reply) => {
        // secured() has checked the session, so its token is known; the check keeps the types honest.
        if (request.csrfToken === null) throw new UnauthorizedError();
        return noStore(reply).send(auth.csrf(request.csrfToken));
      },
    );

    app.post(
      '/auth/logout',
      {
        config,
        // A cookie-authenticated write: with a live session it needs the CSRF token, so that another
        // site cannot log the user out. Without one there is nothing to protect: 204 all the same.
        preParsing: async (request, _reply, payload) => {
          requireCsrfToken(request);
          return payload;
        },
        schema: {
          tags,
          summary: 'End the session and clear its cookie; 204 also when there was no session',
          description: 'With a live session, x-csrf-token is required (403 without it).',
          response: { 204: z.undefined().describe('Logged out'), ...errorResponses(403, 500) },
        },
      },
      async (request, reply) => {
        const sessionId = request.cookies[cookieName];
        const session = presented(sessionId, request.user);
        if (session !== undefined) await auth.logout(session, auditOrigin(request));
        reply.clearCookie(cookieName, cookieOptions);
        return reply.code(204).send();
      },
    );
  },
};
