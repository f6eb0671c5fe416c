import { identifyCaller } from '../middleware/authenticate.js';
import type { AppPlugin } from '../types/app.js';

/**
 * Identifies the caller of every request from `Authorization: Bearer <access token>` (--auth jwt).
 * A root-level onRequest hook: it runs before every route-level hook, so the per-route rate limiter
 * already knows the user. It never refuses a request; routes that need a user do (see access.ts).
 */
export const authenticationPlugin: AppPlugin = {
  name: 'authentication',
  register(app, deps) {
    app.decorateRequest('user', null);
    app.decorateRequest('authFailure', null);
    app.addHook('onRequest', identifyCaller(deps.auth.accessTokens));
  },
};
