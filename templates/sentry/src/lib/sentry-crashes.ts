import * as Sentry from '@sentry/node';
import { SENTRY_FLUSH_TIMEOUT_MS } from './sentry.js';

/**
 * Reports what crashes the process: an uncaught exception, or an unhandled rejection (Node raises those
 * as uncaught exceptions, with origin `unhandledRejection`, when nothing listens for them).
 *
 * The process must still die as it does without error tracking: Node prints the error and exits with
 * code 1 unless someone listens for `uncaughtException`, and listening is exactly what this does. So, when
 * this handler is the only listener, it waits for the report to leave (at most SENTRY_FLUSH_TIMEOUT_MS),
 * then stops listening and throws the error again: Node's own crash follows. When other listeners exist
 * (a test runner's), they already decide what happens, and this only reports.
 *
 * Returns the function that stops listening.
 */
export function reportCrashes(): () => void {
  const onCrash = (error: Error, origin: NodeJS.UncaughtExceptionOrigin): void => {
    const alone = process.listeners('uncaughtException').every((listener) => listener === onCrash);
    Sentry.withScope((scope) => {
      scope.setLevel('fatal');
      scope.setTag('crash', origin);
      Sentry.captureException(error, { mechanism: { type: `process.${origin}`, handled: false } });
    });
    void Sentry.flush(SENTRY_FLUSH_TIMEOUT_MS).finally(() => {
      if (!alone) return;
      process.off('uncaughtException', onCrash);
      setImmediate(() => {
        throw error;
      });
    });
  };
  process.on('uncaughtException', onCrash);
  return () => {
    process.off('uncaughtException', onCrash);
  };
}
