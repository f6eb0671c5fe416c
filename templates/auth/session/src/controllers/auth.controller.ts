import type { AuthDependencies } from '../app/auth-dependencies.js';
import type { LoggedIn, Registration } from '../services/auth.service.js';

/**
 * Thin HTTP adapter for /auth: input already validated by the route schemas, work delegated to the
 * services, results wrapped in the response envelope. The session cookie is the route's business.
 */
export function createAuthController({ service, passwordReset }: AuthDependencies) {
  return {
    async register(body: Registration) {
      return { success: true as const, data: await service.register(body) };
    },

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

    async forgotPassword(body: { email: string }) {
      await passwordReset.forgot(body.email);
      return {
        success: true as const,
        data: { message: 'If an account uses this email, a link to reset its password has been sent' },
      };
    },

    async resetPassword(body: { token: string; password: string }) {
      await passwordReset.reset(body.token, body.password);
    },
  };
}
