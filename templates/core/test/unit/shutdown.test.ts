import { describe, expect, it } from 'vitest';
import { Lifecycle } from '../../src/app/lifecycle.js';
import { createShutdown } from '../../src/app/shutdown.js';
import { createLogger } from '../../src/lib/logger.js';

// Only lifecycle and logger are used by the orchestration itself.
const fakeDeps = () => ({ lifecycle: new Lifecycle(), logger: createLogger({ LOG_LEVEL: 'silent' }) });

function recorder() {
  const events: string[] = [];
  const hook = (name: string, fail = false) => ({
    name,
    run: async () => {
      events.push(`hook:${name}`);
      if (fail) throw new Error(`${name} failed`);
    },
  });
  return { events, hook };
}

describe('createShutdown', () => {
  it('turns readiness off first, drains the server, then runs hooks in order; exit code 0', async () => {
    const deps = fakeDeps();
    const { events, hook } = recorder();
    const app = {
      close: async () => {
        events.push(`close(shuttingDown=${deps.lifecycle.isShuttingDown})`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push('closed');
      },
    };
    const shutdown = createShutdown({ app, deps, hooks: [hook('database'), hook('cache')], timeoutMs: 1000 });
    expect(await shutdown('SIGTERM')).toBe(0);
    expect(events).toEqual(['close(shuttingDown=true)', 'closed', 'hook:database', 'hook:cache']);
  });

  it('stops waiting for in-flight requests after timeoutMs and still closes everything', async () => {
    const deps = fakeDeps();
    const { events, hook } = recorder();
    const app = { close: () => new Promise<void>(() => {}) };
    const started = Date.now();
    const code = await createShutdown({ app, deps, hooks: [hook('database')], timeoutMs: 50 })('SIGTERM');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(events).toEqual(['hook:database']);
  });

  it('runs every hook even when one fails, and then exits with 1', async () => {
    const { events, hook } = recorder();
    const shutdown = createShutdown({
      app: { close: async () => {} },
      deps: fakeDeps(),
      hooks: [hook('first', true), hook('second')],
      timeoutMs: 100,
    });
    expect(await shutdown('SIGINT')).toBe(1);
    expect(events).toEqual(['hook:first', 'hook:second']);
  });

  it('a second signal joins the shutdown in progress instead of starting another', async () => {
    let closes = 0;
    const shutdown = createShutdown({
      app: { close: async () => void (closes += 1) },
      deps: fakeDeps(),
      hooks: [],
      timeoutMs: 100,
    });
    const [a, b] = await Promise.all([shutdown('SIGTERM'), shutdown('SIGINT')]);
    expect([a, b]).toEqual([0, 0]);
    expect(closes).toBe(1);
  });
});
