import type { HealthCheck, ShutdownHook } from '../../types/app.js';

/**
 * GET /health/ready reports the queue as "queue" with its depth (waiting, active, delayed, dead), so a
 * growing backlog or dead-letter count shows up in monitoring. Reading the depth needs the queue's
 * server, so an unreachable Redis or PostgreSQL fails the check.
 */
export const queueHealthCheck: HealthCheck = {
  name: 'queue',
  check: async ({ jobs }) => ({ ...(await jobs.depth()) }),
};

/**
 * Closes the queue: stops taking jobs, lets running ones finish within SHUTDOWN_TIMEOUT_MS, hands the
 * rest back, closes connections. Closing twice is harmless (the jobs plugin may have closed it already).
 */
export const closeJobQueue: ShutdownHook = {
  name: 'queue',
  run: ({ jobs, env }) => jobs.close(env.SHUTDOWN_TIMEOUT_MS),
};
