import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lifecycle } from '../app/lifecycle.js';
import { errorBody } from './error-handler.js';

/**
 * Once shutdown has begun, new work is refused with 503 (and `connection: close`, so clients reconnect
 * to another instance) while requests already running finish. Health probes still answer, so the
 * orchestrator sees readiness fail instead of a dead socket.
 */
export function shutdownGuard(lifecycle: Lifecycle) {
  // Callback hooks (here and below): they run on every request and almost always have nothing to do.
  return function refuseWhileShuttingDown(request: FastifyRequest, reply: FastifyReply, done: () => void) {
    if (!lifecycle.isShuttingDown || request.url.startsWith('/health/')) return done();
    // Sending from a callback hook ends the request here: `done` must not be called as well.
    reply.code(503).header('connection', 'close').send(errorBody('SERVICE_UNAVAILABLE', 'Server is shutting down'));
  };
}

/**
 * Responses finished during shutdown close their connection. Without this, a keep-alive socket that
 * carried an in-flight request stays open after its response and holds server.close() until the
 * keep-alive timeout, i.e. shutdown would always wait for SHUTDOWN_TIMEOUT_MS.
 */
export function closeConnectionsWhenShuttingDown(lifecycle: Lifecycle) {
  return function closeConnection(_request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) {
    if (lifecycle.isShuttingDown) reply.header('connection', 'close');
    done(null, payload);
  };
}
