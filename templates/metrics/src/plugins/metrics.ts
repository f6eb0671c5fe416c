import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { registerCollectors } from '../lib/metrics/collectors.js';
import { AppMetrics } from '../lib/metrics/registry.js';
import { errorBody } from '../middleware/error-handler.js';
import type { AppPlugin } from '../types/app.js';

export const METRICS_PATH = '/metrics';

const BEARER = /^Bearer +(\S+)$/i;

// Digests have one length whatever was sent, so timingSafeEqual compares in constant time.
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * GET /metrics in the Prometheus text format (src/lib/metrics/, docs/metrics.md). Every request of the
 * app is counted and timed by its route template, method and status, except the scrapes themselves.
 * Where the endpoint lives: on METRICS_PORT only when that is set (a second listener the public port
 * knows nothing about), on PORT otherwise; with METRICS_TOKEN it asks for `Authorization: Bearer
 * <token>` either way. Production insists on one of the two (src/config/env.ts). It is internal: kept
 * out of the OpenAPI document, the rate limiter and the request log.
 */
export const metricsPlugin: AppPlugin = {
  name: 'metrics',
  register(app, deps) {
    const { env } = deps;
    const metrics = new AppMetrics();
    registerCollectors(metrics.registry, deps);

    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url;
      if (route === METRICS_PATH) return;
      metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    });

    const scrape = scrapeHandler(metrics, env.METRICS_TOKEN);
    if (env.METRICS_PORT === undefined) {
      // warn: a scrape every few seconds would otherwise fill the log with request lines.
      app.get(METRICS_PATH, { schema: { hide: true }, config: { rateLimit: false }, logLevel: 'warn' }, scrape);
      return;
    }

    const port = env.METRICS_PORT;
    const server = Fastify({ loggerInstance: deps.logger.child({ listener: 'metrics' }), disableRequestLogging: true });
    server.get(METRICS_PATH, scrape);
    // Listens when the app does (app.listen() readies it first) and closes with it.
    app.addHook('onReady', async () => {
      await server.listen({ host: env.HOST, port });
      deps.logger.info({ port }, `metrics served on port ${port} only`);
    });
    app.addHook('onClose', async () => {
      await server.close();
    });
  },
};

function scrapeHandler(metrics: AppMetrics, token: string | undefined) {
  const expected = token === undefined ? undefined : digest(token);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<string> => {
    if (expected !== undefined) {
      const presented = BEARER.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!timingSafeEqual(digest(presented), expected)) {
        reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').type('application/json; charset=utf-8');
        return JSON.stringify(errorBody('UNAUTHORIZED', 'A valid metrics token is required'));
      }
    }
    reply.type(metrics.contentType).header('cache-control', 'no-store');
    return metrics.render();
  };
}
