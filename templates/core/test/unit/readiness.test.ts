import { describe, expect, it } from 'vitest';
import { runHealthChecks } from '../../src/app/readiness.js';

const deps = {};

describe('runHealthChecks', () => {
  it('is ready only when every check answers in time', async () => {
    const report = await runHealthChecks(
      [
        { name: 'fast', check: async () => {} },
        { name: 'broken', check: async () => Promise.reject(new Error('refused')) },
        { name: 'hung', check: () => new Promise(() => {}) },
      ],
      deps,
      50,
    );
    expect(report.ready).toBe(false);
    expect(report.checks).toEqual({ fast: 'ok', broken: 'fail', hung: 'timeout' });
    expect(report.failures.broken).toBe('refused');
  });

  it('reports an optional check that fails without turning the instance not ready', async () => {
    const report = await runHealthChecks(
      [
        { name: 'db', check: async () => {} },
        { name: 'cache', optional: true, check: async () => Promise.reject(new Error('ECONNREFUSED')) },
        { name: 'slow-cache', optional: true, check: () => new Promise(() => {}) },
      ],
      deps,
      50,
    );
    expect(report).toEqual({
      ready: true,
      checks: { db: 'ok', cache: 'fail', 'slow-cache': 'timeout' },
      details: {},
      failures: { cache: 'ECONNREFUSED', 'slow-cache': 'no answer within 50 ms' },
    });
  });

  it('reports ready when all pass, with the figures a check returns', async () => {
    const report = await runHealthChecks(
      [
        { name: 'db', check: async () => {} },
        { name: 'queue', check: async () => ({ waiting: 3, dead: 1 }) },
      ],
      deps,
      50,
    );
    expect(report).toEqual({ ready: true, checks: { db: 'ok', queue: 'ok' }, details: { queue: { waiting: 3, dead: 1 } }, failures: {} });
  });
});
