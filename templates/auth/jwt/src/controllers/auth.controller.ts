import type { AuthDependencies } from '../app/auth-dependencies.js';
import type { Registration } from '../services/auth.service.js';

/**
 * Thin HTTP adapter for /auth: input already validated by the route schemas, work delegated to the
 * services, results wrapped in the response envelope.
 */
export function createAuthController({ service, passwordReset }: AuthDependencies) {
  return {
    async register(body: Registration) {
      return { success: true as const, data: await service.register(body) };
    },

    async login(body: { email: string; password: string }) {
      return { success: true as const, data: await service.login(body.email, body.password) };
    },

    async refresh(body: { refresh_token: string }) {
      return { success: true as const, data: await service.refresh(body.refresh_token) };
    },

    async logout(body: { refresh_token: string }) {
      await service.logout(body.refresh_token);
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
