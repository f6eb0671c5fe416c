import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { AuditEventName } from '../../src/lib/audit.js';
import { captureLogs } from './log-capture.js';

/** An audit line as the log pipeline sees it (src/lib/audit.ts). */
export interface AuditRecord {
  audit: true;
  level: string;
  event: AuditEventName;
  actor: string | null;
  target: string | null;
  outcome: 'success' | 'failure';
  requestId: string;
  ip: string;
  msg: string;
  [detail: string]: unknown;
}

/** Captured log lines, with the audit trail picked out of them. */
export function captureAudit() {
  const logs = captureLogs('info');
  const trail = () => logs.records.filter((record): record is AuditRecord => record.audit === true);
  return {
    ...logs,
    trail,
    /** The audit events one response's request wrote (matched on the x-request-id it answered with). */
    of(response: LightMyRequestResponse): AuditRecord[] {
      const requestId = response.headers['x-request-id'];
      expect(typeof requestId).toBe('string');
      return trail().filter((record) => record.requestId === requestId);
    },
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** No secret, nor its URL encoding, nor its SHA-256 (what the database keeps), in any captured line. */
export function expectNoSecrets(lines: readonly string[], secrets: readonly string[]): void {
  const log = lines.join('\n');
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(7);
    for (const form of [secret, encodeURIComponent(secret), sha256(secret)]) expect(log, 'a secret reached the log').not.toContain(form);
  }
}
