import { existsSync } from 'node:fs';
import { buildApp } from './app.js';
import { createDependencies } from './app/dependencies.js';
import { createShutdown } from './app/shutdown.js';
import { shutdownHooks } from './app/shutdown-hooks.js';
import { ConfigError, loadEnv, type Env } from './config/env.js';
import { createLogger } from './lib/logger.js';

/** Process entry: configuration, wiring, listening and signal handling. The only place that exits. */

function readConfig(): Env {
  // Real environment variables win over .env (loadEnvFile does not overwrite what is already set).
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const env = readConfig();
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

main().catch((error: unknown) => {
  // A setting only checked while the dependencies are built (e.g. an unknown upload type) is still a configuration error.
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`Fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
