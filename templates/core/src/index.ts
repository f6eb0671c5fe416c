import { buildApp } from './app.js';
import { createDependencies } from './app/dependencies.js';
import { createShutdown } from './app/shutdown.js';
import { shutdownHooks } from './app/shutdown-hooks.js';
import { exitOnFatal, readConfigOrExit } from './config/read-config.js';
import { createLogger } from './lib/logger.js';

/** Process entry: configuration, wiring, listening and signal handling; it and src/config/read-config.ts are the only places that exit. */

async function main(): Promise<void> {
  const env = readConfigOrExit();
  const logger = createLogger(env);
  const deps = await createDependencies(env, logger);
  const app = await buildApp(deps);

  const shutdown = createShutdown({ app, deps, hooks: shutdownHooks, timeoutMs: env.SHUTDOWN_TIMEOUT_MS });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void shutdown(signal).then((code) => process.exit(code));
    });
  }

  await app.listen({ host: env.HOST, port: env.PORT });
  logger.info({ database: deps.database.kind, cache: deps.cache.kind }, 'ready to serve');
}

main().catch(exitOnFatal);
