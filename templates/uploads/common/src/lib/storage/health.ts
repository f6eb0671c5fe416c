import type { HealthCheck, ShutdownHook } from '../../types/app.js';

/**
 * Readiness reports the storage of uploads under `checks.storage`, as optional: when it is down only
 * uploads and downloads fail, so the instance stays in the load balancer for everything else. Alert on
 * the check, not on readiness.
 */
export const storageHealthCheck: HealthCheck = {
  name: 'storage',
  optional: true,
  async check(deps) {
    await deps.uploads.storage.check();
  },
};

export const closeStorage: ShutdownHook = {
  name: 'storage',
  async run(deps) {
    await deps.uploads.storage.close();
  },
};
