import type { AuditLog, AuditOrigin } from '../lib/audit.js';
import { AccountLockedError } from '../utils/auth-errors.js';

/**
 * The audit events of one password login, the same in every password mode (jwt, session). Every event
 * names the email by its fingerprint, never by the address, and an unknown email fails exactly as a
 * wrong password does (reason `invalid_credentials`, no actor): the audit trail, like the answer, does
 * not tell whether an account exists.
 */
export function loginAudit(audit: AuditLog, origin: AuditOrigin, email: string) {
  const target = audit.emailFingerprint(email);
  const failed = (reason: string, actor: string | null = null) =>
    audit.record(origin, { event: 'auth.login.failed', actor, target, outcome: 'failure', details: { reason } });
  return {
    /** Runs the lockout check, reporting a refused attempt. */
    async unlessLocked(check: () => Promise<void>): Promise<void> {
      try {
        await check();
      } catch (error) {
        if (error instanceof AccountLockedError) failed('locked');
        throw error;
      }
    },
    failed,
    /** `lockedNow`: this failure started a lockout. */
    invalidCredentials(lockedNow: boolean) {
      failed('invalid_credentials');
      if (lockedNow) audit.record(origin, { event: 'auth.lockout', actor: null, target, outcome: 'failure' });
    },
    succeeded(userId: string) {
      audit.record(origin, { event: 'auth.login.succeeded', actor: userId, target, outcome: 'success' });
    },
  };
}
