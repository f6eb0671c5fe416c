import type { AuthDependencies } from '../app/auth-dependencies.js';
import type { AuditOrigin } from '../lib/audit.js';
import type { LoggedIn, PresentedSession } from '../services/auth.service.js';

/**
 * Thin HTTP adapter for the /auth routes of this mode (login, logout, CSRF token; register and password
 * reset are in account.controller.ts): input already validated by the route schemas, work delegated
 * to the services, results wrapped in the response envelope. The session cookie is the route's business.
 */
export function createAuthController({ service }: AuthDependencies) {
  return {
    /** The started session goes into a cookie; only the user goes into the body. */
    async login(body: { email: string; password: string }, origin: AuditOrigin, previous: PresentedSession | undefined): Promise<LoggedIn> {
      return service.login(body.email, body.password, origin, previous);
    },

    async logout(session: PresentedSession, origin: AuditOrigin) {
      await service.logout(session, origin);
    },

    csrf(csrfToken: string) {
      return { success: true as const, data: { csrfToken } };
    },
  };
}
