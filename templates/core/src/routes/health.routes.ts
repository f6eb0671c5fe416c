import { z } from 'zod';
import type { Dependencies } from '../app/dependencies.js';
import { healthChecks } from '../app/health-checks.js';
import { runHealthChecks } from '../app/readiness.js';
import type { AppInstance } from '../types/app.js';

/**
 * Liveness and readiness probes. Plain JSON, not the API envelope, not versioned, never authenticated:
 * orchestrators and load balancers read them.
 */

const HEALTH_CHECK_TIMEOUT_MS = 3000;

const liveSchema = z.object({ status: z.literal('ok') });
const readySchema = z.object({
  status: z.enum(['ready', 'not ready']),
  checks: z.record(z.string(), z.enum(['ok', 'fail', 'timeout'])),
  /** Figures some checks report, e.g. `details.queue.waiting`. */
  details: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]))).optional(),
  reason: z.string().optional(),
});

export function healthRoutes(app: AppInstance, deps: Dependencies): void {
  app.get(
    '/health/live',
    { schema: { tags: ['health'], summary: 'Liveness: the process is up', response: { 200: liveSchema } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: every dependency answers and the server is not shutting down',
        response: { 200: readySchema, 503: readySchema },
      },
    },
    async (request, reply) => {
      if (deps.lifecycle.isShuttingDown) {
        return reply.code(503).send({ status: 'not ready', checks: {}, reason: 'shutting down' });
      }
      const report = await runHealthChecks(healthChecks, deps, HEALTH_CHECK_TIMEOUT_MS);
      if (!report.ready) {
        request.log.warn({ failures: report.failures, checks: report.checks }, 'readiness check failed');
      }
      const details = Object.keys(report.details).length > 0 ? { details: report.details } : {};
      return reply.code(report.ready ? 200 : 503).send({ status: report.ready ? 'ready' : 'not ready', checks: report.checks, ...details });
    },
  );
}
