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

  it('reports ready when all pass', async () => {
    const report = await runHealthChecks([{ name: 'db', check: async () => {} }], deps, 50);
    expect(report).toEqual({ ready: true, checks: { db: 'ok' }, failures: {} });
  });
});
