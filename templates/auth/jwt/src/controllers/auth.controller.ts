import type { AuthDependencies } from '../app/auth-dependencies.js';
import type { AuditOrigin } from '../lib/audit.js';

/**
 * Thin HTTP adapter for the /auth routes of this mode (login, refresh, logout; register and password
 * reset are in account.controller.ts): input already validated by the route schemas, work delegated
 * to the services, results wrapped in the response envelope.
 */
export function createAuthController({ service }: AuthDependencies) {
  return {
    async login(body: { email: string; password: string }, origin: AuditOrigin) {
      return { success: true as const, data: await service.login(body.email, body.password, origin) };
    },

    async refresh(body: { refresh_token: string }, origin: AuditOrigin) {
      return { success: true as const, data: await service.refresh(body.refresh_token, origin) };
    },

    async logout(body: { refresh_token: string }, origin: AuditOrigin) {
      await service.logout(body.refresh_token, origin);
    },
  };
}
