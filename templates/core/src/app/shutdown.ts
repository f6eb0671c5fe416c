import type { AppLogger } from '../lib/logger.js';
import type { Lifecycle } from './lifecycle.js';

/**
 * Graceful shutdown, as a function of its collaborators so it can be tested without signals:
 * 1. readiness turns 503 and new requests are refused (the load balancer stops sending traffic);
 * 2. the server stops accepting and in-flight requests finish, for at most `timeoutMs`;
 * 3. every shutdown hook runs in order (close the database, …), even if an earlier one failed.
 * Resolves with the process exit code: 0, or 1 when a hook failed.
 */

/** Generic over the dependencies so tests can pass only what the orchestration itself touches. */
export interface ShutdownOptions<D extends { lifecycle: Lifecycle; logger: AppLogger }> {
  app: { close(): Promise<unknown> };
  deps: D;
  hooks: { name: string; run(deps: D): Promise<void> }[];
  timeoutMs: number;
}

export type Shutdown = (signal: string) => Promise<number>;

export function createShutdown<D extends { lifecycle: Lifecycle; logger: AppLogger }>({
  app,
  deps,
  hooks,
  timeoutMs,
}: ShutdownOptions<D>): Shutdown {
  const { logger } = deps;
  let running: Promise<number> | undefined;

  async function run(signal: string): Promise<number> {
    const startedAt = Date.now();
    logger.info({ signal }, 'shutdown started');
    deps.lifecycle.beginShutdown();

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const drained = await Promise.race([app.close().then(() => 'closed' as const), timedOut]).finally(() =>
      clearTimeout(timer),
    );
    if (drained === 'timeout') {
      logger.warn({ timeoutMs }, 'in-flight requests did not finish in time; closing anyway');
    }

    let exitCode = 0;
    for (const hook of hooks) {
      try {
        await hook.run(deps);
      } catch (err) {
        exitCode = 1;
        logger.error({ err, hook: hook.name }, 'shutdown hook failed');
      }
    }
    logger.info({ signal, durationMs: Date.now() - startedAt, exitCode }, 'shutdown complete');
    return exitCode;
  }

  // A second signal while shutting down joins the first run instead of starting another.
  return (signal) => (running ??= run(signal));
}
