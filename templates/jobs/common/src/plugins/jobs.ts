import { consumersFor } from '../jobs/define.js';
import { jobDefinitions } from '../jobs/index.js';
import type { AppPlugin } from '../types/app.js';

/**
 * Runs the jobs inside the API process when no queue server is configured (`--queue none`, or
 * BullMQ/pg-boss without their server in dev and tests); with a server, `npm run worker` does it.
 * Consumers start once the app is ready and stop while it closes, before the database does: a running
 * job may finish within SHUTDOWN_TIMEOUT_MS, then it is handed back.
 */
export const jobsPlugin: AppPlugin = {
  name: 'jobs',
  register(app, deps) {
    if (!deps.jobs.runsInProcess) return;
    app.addHook('onReady', async () => {
      await deps.jobs.work(consumersFor(jobDefinitions, deps));
    });
    app.addHook('onClose', async () => {
      await deps.jobs.close(deps.env.SHUTDOWN_TIMEOUT_MS);
    });
  },
};
