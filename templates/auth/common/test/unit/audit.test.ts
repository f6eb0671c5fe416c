import { describe, expect, it } from 'vitest';
import { AUDIT_EVENTS, auditOrigin, createAuditLog } from '../../src/lib/audit.js';
import { captureLogs } from '../helpers/log-capture.js';

const origin = { requestId: 'req-1', ip: '203.0.113.7' };

describe('audit log (src/lib/audit.ts)', () => {
  it('writes one line per event, marked audit: true, at the level the event is listed with', () => {
    const { records, logger } = captureLogs('info');
    const audit = createAuditLog(logger);
    audit.record(origin, { event: 'auth.login.succeeded', actor: 'u1', target: 'email:x', outcome: 'success' });
    audit.record(origin, { event: 'auth.login.failed', actor: null, target: 'email:x', outcome: 'failure', details: { reason: 'locked' } });
    expect(records).toEqual([
      expect.objectContaining({ audit: true, level: 'info', event: 'auth.login.succeeded', actor: 'u1', target: 'email:x', outcome: 'success', requestId: 'req-1', ip: '203.0.113.7', msg: 'audit auth.login.succeeded' }),
      expect.objectContaining({ audit: true, level: 'warn', event: 'auth.login.failed', actor: null, reason: 'locked' }),
    ]);
    expect(Object.values(AUDIT_EVENTS).every((level) => level === 'info' || level === 'warn')).toBe(true);
  });

  it('never lets a detail overwrite the fixed fields', () => {
    const { records, logger } = captureLogs('info');
    createAuditLog(logger).record(origin, {
      event: 'user.role.changed',
      actor: 'admin',
      target: 'u2',
      outcome: 'success',
      details: { actor: 'forged', requestId: 'forged', event: 'forged', from: 'user', to: 'admin' },
    });
    expect(records[0]).toMatchObject({ event: 'user.role.changed', actor: 'admin', requestId: 'req-1', from: 'user', to: 'admin' });
  });

  it('fingerprints an email with a key: stable for one secret, different for another, never the address', () => {
    const { logger } = captureLogs('info');
    const one = createAuditLog(logger, 'a'.repeat(32));
    const other = createAuditLog(logger, 'b'.repeat(32));
    const print = one.emailFingerprint('alice@example.com');
    expect(print).toMatch(/^email:[0-9a-f]{16}$/);
    expect(one.emailFingerprint('alice@example.com')).toBe(print);
    expect(one.emailFingerprint('bob@example.com')).not.toBe(print);
    expect(other.emailFingerprint('alice@example.com')).not.toBe(print);
    expect(print).not.toContain('alice');
  });

  it('takes the request id and client address from the request', () => {
    expect(auditOrigin({ id: 'abc', ip: '::1' })).toEqual({ requestId: 'abc', ip: '::1' });
  });
});
