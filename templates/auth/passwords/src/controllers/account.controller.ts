import type { AuditOrigin } from '../lib/audit.js';
import type { Registration } from '../services/auth.service.js';
import type { PasswordResetService } from '../services/password-reset.service.js';
import type { User } from '../types/user.js';

/**
 * What the account routes need from `deps.auth`. Structural, so that the AuthDependencies of every
 * password mode (jwt, session) fits without this file knowing which one it is.
 */
export interface AccountDependencies {
  service: { register(registration: Registration): Promise<User> };
  passwordReset: Pick<PasswordResetService, 'forgot' | 'reset'>;
}

/**
 * Thin HTTP adapter for the account routes (register, password reset): input already validated by
 * the route schemas, work delegated to the services, results wrapped in the response envelope.
 */
export function createAccountController({ service, passwordReset }: AccountDependencies) {
  return {
    async register(body: Registration) {
      return { success: true as const, data: await service.register(body) };
    },

    async forgotPassword(body: { email: string }, origin: AuditOrigin) {
      await passwordReset.forgot(body.email, origin);
      return {
        success: true as const,
        data: { message: 'If an account uses this email, a link to reset its password has been sent' },
      };
    },

    async resetPassword(body: { token: string; password: string }, origin: AuditOrigin) {
      await passwordReset.reset(body.token, body.password, origin);
    },
  };
}
