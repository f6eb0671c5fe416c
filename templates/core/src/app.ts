import Fastify, { LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Dependencies } from './app/dependencies.js';
import { registerDocs } from './app/docs.js';
import { readAppInfo } from './config/app-info.js';
import { deferredChildLogger } from './lib/request-logger.js';
import { createErrorHandler, frameworkErrorHandler, notFoundHandler } from './middleware/error-handler.js';
import { echoRequestId, REQUEST_ID_HEADER, resolveRequestId } from './middleware/request-id.js';
import { closeConnectionsWhenShuttingDown, shutdownGuard } from './middleware/shutdown-guard.js';
import { plugins } from './plugins/index.js';
import { healthRoutes } from './routes/health.routes.js';
import { routeModules } from './routes/index.js';
import type { AppInstance } from './types/app.js';

export const API_PREFIX = '/api/v1';

/**
 * Builds the HTTP application from its dependencies; does not listen (tests use app.inject()).
 * Order matters: core handlers, then `plugins`, then docs (which must see every route added after it),
 * then the health probes, then every entry of `routeModules` under /api/v1.
 */
export async function buildApp(deps: Dependencies): Promise<AppInstance> {
  const { env } = deps;
  const app = Fastify({
    loggerInstance: deps.logger,
    // Each request's child logger is built on its first written line (src/lib/request-logger.ts).
    childLoggerFactory: deferredChildLogger,
    genReqId: (request) => resolveRequestId(request.headers[REQUEST_ID_HEADER]),
    // Every log line of a request carries `requestId`, the same value as the x-request-id header.
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    // Fastify's built-in 503 while closing bypasses hooks (no request id, no envelope);
    // the shutdown guard below answers instead.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // A JSON API: without this, Fastify would accept text/plain bodies as strings instead of answering 415.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(createErrorHandler({ isProduction: env.NODE_ENV === 'production', bodyLimit: env.BODY_LIMIT_BYTES }));
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onRequest', echoRequestId);
  app.addHook('onRequest', shutdownGuard(deps.lifecycle));
  app.addHook('onSend', closeConnectionsWhenShuttingDown(deps.lifecycle));

  for (const plugin of plugins) await plugin.register(app, deps);

  if (env.DOCS_ENABLED) {
    const { name, version } = readAppInfo();
    await registerDocs(app, { title: name, version });
  }

  healthRoutes(app, deps);

  await app.register(
    async (api) => {
      for (const module of routeModules) {
        await api.register(async (scope) => module.routes(scope, deps));
      }
    },
    { prefix: API_PREFIX },
  );

  return app;
}
