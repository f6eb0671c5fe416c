import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Dependencies } from '../app/dependencies.js';
import type { Subscriber } from '../lib/events.js';

/** The Fastify instance every plugin and route module receives: zod schemas type its handlers. */
export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * A cross-cutting concern (security headers, CORS, ...). `register` runs against the root instance,
 * so its hooks apply to every route, including health and docs.
 */
export interface AppPlugin {
  name: string;
  register(app: AppInstance, deps: Dependencies): Promise<void> | void;
}

/** A group of routes mounted under /api/v1, each in its own encapsulated scope. */
export interface RouteModule {
  name: string;
  routes(app: AppInstance, deps: Dependencies): Promise<void> | void;
}

/** Figures a check may report beside its outcome (a queue's depth, say): shown under `details.<name>`. */
export type HealthDetails = Record<string, number | string | boolean>;

/**
 * One dependency probed by GET /health/ready; throwing (or timing out) marks it down. A down `optional`
 * one (a cache the app can serve without) is reported but leaves the instance ready.
 */
export interface HealthCheck {
  name: string;
  optional?: boolean;
  check(deps: Dependencies): Promise<HealthDetails | void>;
}

/** Reacts to domain events of the given types (see src/lib/events.ts and src/app/event-subscribers.ts). */
export type EventSubscriber = Subscriber<Dependencies>;

/** Runs after the HTTP server has drained during graceful shutdown, in array order. */
export interface ShutdownHook {
  name: string;
  run(deps: Dependencies): Promise<void>;
}
