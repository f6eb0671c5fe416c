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
/** A check's name or one of its figures' names: short identifiers chosen in the code, never client input. */
const name = z.string().max(64);
const readySchema = z.object({
  status: z.enum(['ready', 'not ready']),
  checks: z.record(name, z.enum(['ok', 'fail', 'timeout'])),
  /** Figures some checks report, e.g. `details.queue.waiting`. */
  details: z.record(name, z.record(name, z.union([z.number(), z.string().max(256), z.boolean()]))).optional(),
  reason: z.string().max(256).optional(),
});

export function healthRoutes(app: AppInstance, deps: Dependencies): void {
  app.get(
    '/health/live',
    {
      schema: { tags: ['health'], summary: 'Liveness: the process is up', response: { 200: liveSchema } },
      // The body is a constant: checking it against liveSchema on every probe would prove nothing.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
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
