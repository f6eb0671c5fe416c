import type { AuthDependencies } from '../app/auth-dependencies.js';
import type { LoggedIn } from '../services/auth.service.js';

/**
 * Thin HTTP adapter for the /auth routes of this mode (login, logout, CSRF token; register and password
 * reset are in account.controller.ts): input already validated by the route schemas, work delegated
 * to the services, results wrapped in the response envelope. The session cookie is the route's business.
 */
export function createAuthController({ service }: AuthDependencies) {
  return {
    /** The started session goes into a cookie; only the user goes into the body. */
    async login(body: { email: string; password: string }, previousSessionId: string | undefined): Promise<LoggedIn> {
      return service.login(body.email, body.password, previousSessionId);
    },

    async logout(sessionId: string) {
      await service.logout(sessionId);
    },

    csrf(csrfToken: string) {
      return { success: true as const, data: { csrfToken } };
    },
  };
}
