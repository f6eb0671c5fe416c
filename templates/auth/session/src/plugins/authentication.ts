import cookie from '@fastify/cookie';
import { identifyCaller } from '../middleware/authenticate.js';
import type { AppPlugin } from '../types/app.js';

/**
 * Identifies the caller of every request from its session cookie (--auth session). Root-level
 * onRequest hooks (cookie parsing, then the session lookup) run before every route-level hook, so the
 * per-route rate limiter already knows the user. It never refuses a request; routes that need a user
 * do (see access.ts).
 */

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const authenticationPlugin: AppPlugin = {
  name: 'authentication',
  async register(app, deps) {
    // Parsing only: session ids are random and looked up server-side, so signing them adds nothing.
    await app.register(cookie, {});
    app.decorateRequest('user', null);
    app.decorateRequest('authFailure', null);
    app.decorateRequest('csrfToken', null);
    app.addHook('onRequest', identifyCaller(deps.auth.sessions, deps.env.SESSION_COOKIE_NAME));

    // A browser sends the cookie cross-origin (to an origin of CORS_ORIGINS, which SameSite=Lax
    // limits to the same site, e.g. app.example.com → api.example.com) only when the answer allows
    // credentials; src/plugins/cors.ts, shared by every auth mode, does not.
    app.addHook('onSend', async (_request, reply, payload) => {
      const origin = reply.getHeader('access-control-allow-origin');
      if (typeof origin === 'string' && origin !== '*') reply.header('access-control-allow-credentials', 'true');
      return payload;
    });

    // Documents the CSRF header on the secured routes that need it.
    app.addHook('onRoute', (route) => {
      const security = route.schema?.security;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!Array.isArray(security) || !methods.some((method) => UNSAFE_METHODS.has(method))) return;
      route.schema = { ...route.schema, security: security.map((requirement) => ({ ...requirement, csrfToken: [] })) };
    });
  },
};
