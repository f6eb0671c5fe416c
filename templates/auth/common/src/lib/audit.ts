import { createHmac } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppLogger } from './logger.js';

/**
 * The security audit trail: one JSON line per security event (docs/auth.md lists them), written by the
 * app logger so it needs no second pipeline, and marked `audit: true` so the pipeline can route it
 * apart (longer retention, a SIEM). The HTTP layer says where a request came from (`auditOrigin`), the
 * services say what happened: only they know a lockout from a wrong password.
 *
 * Lines hold ids, outcomes and fingerprints, never a secret: no password, token, key, reset token or
 * cookie is ever passed in, and the logger's redaction (src/lib/logger.ts) still applies on top.
 */

/** Every event and its level: refusals that may be an attack are `warn`, the rest `info`. */
export const AUDIT_EVENTS = {
  'auth.login.succeeded': 'info',
  'auth.login.failed': 'warn',
  'auth.lockout': 'warn',
  'auth.logout': 'info',
  'auth.refresh.reused': 'warn',
  'auth.session.created': 'info',
  'auth.session.revoked': 'info',
  'auth.password_reset.requested': 'info',
  'auth.password_reset.completed': 'info',
  'auth.password_reset.failed': 'warn',
  'auth.api_key.created': 'info',
  'auth.api_key.revoked': 'info',
  'user.role.changed': 'info',
} as const satisfies Record<string, 'info' | 'warn'>;

export type AuditEventName = keyof typeof AUDIT_EVENTS;

/** Where a request came from: what the HTTP layer knows and the services do not. */
export interface AuditOrigin {
  /** The request's id, the x-request-id of its response, so the event joins the request's other lines. */
  readonly requestId: string;
  readonly ip: string;
}

export interface AuditEvent {
  event: AuditEventName;
  /** Who acted: a user id, or null when nobody is authenticated (a failed login, a reset request). */
  actor: string | null;
  /** What was acted on: a user id, an `email:` fingerprint (see `emailFingerprint`), or null. */
  target: string | null;
  outcome: 'success' | 'failure';
  /** Event-specific facts (a reason, a role before and after, a key id): ids and words only. */
  details?: Readonly<Record<string, string | number>>;
}

export interface AuditLog {
  record(origin: AuditOrigin, event: AuditEvent): void;
  /**
   * A stable, keyed stand-in for an email address: failures against one address can be correlated
   * without the address (personal data, and on failures maybe not even an account) reaching the logs.
   * Keyed, so that whoever reads the logs cannot confirm a guessed address by hashing it.
   */
  emailFingerprint(email: string): string;
}

export function auditOrigin(request: Pick<FastifyRequest, 'id' | 'ip'>): AuditOrigin {
  return { requestId: request.id, ip: request.ip };
}

/**
 * `fingerprintSecret`: a server secret the fingerprint key is derived from (with its own label, so
 * the fingerprints tell nothing about the secret's other uses); unset in modes without emails.
 */
export function createAuditLog(logger: AppLogger, fingerprintSecret = ''): AuditLog {
  const audit = logger.child({ audit: true });
  const key = createHmac('sha256', fingerprintSecret).update('audit email fingerprint').digest();
  return {
    record(origin, { event, actor, target, outcome, details }) {
      // Details first: the fixed fields always win, whatever a detail is called.
      const line = { ...details, event, actor, target, outcome, requestId: origin.requestId, ip: origin.ip };
      audit[AUDIT_EVENTS[event]](line, `audit ${event}`);
    },
    emailFingerprint(email) {
      return `email:${createHmac('sha256', key).update(email).digest('hex').slice(0, 16)}`;
    },
  };
}
