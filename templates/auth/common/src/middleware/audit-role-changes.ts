import type { FastifyRequest } from 'fastify';
import { auditOrigin, type AuditLog } from '../lib/audit.js';
import type { RoleChangeListener } from '../services/users.service.js';
import { currentUser } from './current-user.js';

/**
 * Records the role changes of a users update (PATCH /users/:id) in the audit trail: who made the change
 * (only an admin may, see ./user-rules.ts), whose role it was, and the role before and after.
 */
export function auditRoleChanges(request: FastifyRequest, audit: AuditLog): RoleChangeListener {
  return {
    roleChanged({ userId, from, to }) {
      audit.record(auditOrigin(request), {
        event: 'user.role.changed',
        actor: currentUser(request)?.id ?? null,
        target: userId,
        outcome: 'success',
        details: { from, to },
      });
    },
  };
}
