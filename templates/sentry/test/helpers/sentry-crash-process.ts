import { reportCrashes } from '../../src/lib/sentry-crashes.js';
import { initSentry } from '../../src/lib/sentry.js';
import { testEnv } from './env.js';

/**
 * A process that crashes, for test/integration/sentry-crashes.test.ts (run with `node --import tsx`):
 * argv `throw` or `reject` picks an uncaught exception or an unhandled rejection; with SENTRY_TEST_DSN
 * set it reports crashes the way the app does, without it it is a plain Node process.
 */

const [mode] = process.argv.slice(2);
const dsn = process.env.SENTRY_TEST_DSN;
if (dsn) {
  initSentry(testEnv({ SENTRY_DSN: dsn }));
  reportCrashes();
}

setTimeout(() => {
  if (mode === 'throw') throw new Error('crash probe: uncaught exception');
  void Promise.reject(new Error('crash probe: unhandled rejection'));
}, 10);
