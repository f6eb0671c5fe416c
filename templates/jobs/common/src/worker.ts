import { exitOnFatal, readConfigOrExit } from './config/read-config.js';
import { jobDefinitions } from './jobs/index.js';
import { startWorker } from './jobs/worker.js';
import { createLogger } from './lib/logger.js';

/** Worker process entry (`npm run worker`, `node dist/worker.js`): configuration, signals, exit codes. */

async function main(): Promise<void> {
  const env = readConfigOrExit();
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

main().catch(exitOnFatal);
