import { existsSync } from 'node:fs';
import { ConfigError, loadEnv, type Env } from './config/env.js';
import { jobDefinitions } from './jobs/index.js';
import { startWorker } from './jobs/worker.js';
import { createLogger } from './lib/logger.js';

/** Worker process entry (`npm run worker`, `node dist/worker.js`): configuration, signals, exit codes. */

function readConfig(): Env {
  // Same rules as the API (src/index.ts): real environment variables win over .env.
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
  const worker = await startWorker(env, logger, jobDefinitions);
  if (!worker.started) {
    process.stderr.write(`${worker.message}\n`);
    process.exit(1);
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void worker.shutdown(signal).then((code) => process.exit(code));
    });
  }
  logger.info({ queue: worker.deps.jobs.kind, jobs: jobDefinitions.map((definition) => definition.spec.name) }, 'worker started');
}

main().catch((error: unknown) => {
  process.stderr.write(`Fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
