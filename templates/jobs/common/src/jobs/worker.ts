import { createDependencies, type Dependencies } from '../app/dependencies.js';
import { createShutdown, type Shutdown } from '../app/shutdown.js';
import { shutdownHooks } from '../app/shutdown-hooks.js';
import type { Env } from '../config/env.js';
import { jobsStandInReason } from '../lib/jobs/index.js';
import type { AppLogger } from '../lib/logger.js';
import { consumersFor, type JobDefinition } from './define.js';

/**
 * `npm run worker`: consumes the registered jobs in a process of its own, so slow jobs never take
 * CPU or connections from requests and both scale apart. Kept apart from src/worker.ts (which only
 * reads the configuration and handles signals) so tests can run it in-process.
 */

export type WorkerStart =
  | { started: true; deps: Dependencies; shutdown: Shutdown }
  | { started: false; message: string };

export async function startWorker(env: Env, logger: AppLogger, definitions: readonly JobDefinition[]): Promise<WorkerStart> {
  // Checked before anything opens: the embedded database must not be opened by two processes.
  const reason = jobsStandInReason(env);
  if (reason !== undefined) {
    return {
      started: false,
      message:
        `The worker needs a queue server, but ${reason}.\n` +
        'Jobs run inside the API process instead (npm run dev / npm start); see docs/jobs.md.',
    };
  }
  const deps = await createDependencies(env, logger);
  // The queue closes first (running jobs finish or go back to the queue), then what the jobs used.
  const shutdown = createShutdown({
    app: { close: () => deps.jobs.close(env.SHUTDOWN_TIMEOUT_MS) },
    deps,
    hooks: shutdownHooks,
    timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  });
  await deps.jobs.work(consumersFor(definitions, deps));
  return { started: true, deps, shutdown };
}
