import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { tracingSettings } from './lib/tracing.js';

/**
 * Loaded before the app: `node --import ./dist/instrumentation.js dist/index.js` (npm start, the
 * Dockerfile), `tsx watch --import ./src/instrumentation.ts src/index.ts` (npm run dev). An ES module
 * graph is linked before any of it runs, so only a module loaded ahead of the entry can hook the imports
 * of fastify, pg and ioredis. With no OTLP endpoint configured it returns here: no SDK, no loader hook,
 * nothing patched, nothing exported.
 */

// The same .env the app reads (src/config/read-config.ts); real environment variables still win.
if (existsSync('.env')) process.loadEnvFile('.env');

const settings = tracingSettings(process.env);
if (settings) {
  // Only the modules an instrumentation asks for go through the loader hook, not the whole graph.
  const { createAddHookMessageChannel } = await import('import-in-the-middle');
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
  // Imported after the hook is registered: the instrumentations subscribe to it as they are created.
  const { startTracing } = await import('./lib/tracing-sdk.js');
  startTracing(settings);
  await waitForAllMessagesAcknowledged();
}
