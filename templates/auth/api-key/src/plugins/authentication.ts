import { pino } from 'pino';
import { DOCS_PREFIX } from '../app/docs.js';
import { redactUrl } from '../lib/auth/api-keys.js';
import type { AppLogger } from '../lib/logger.js';
import { identifyCaller } from '../middleware/authenticate.js';
import type { AppPlugin } from '../types/app.js';

/**
 * Identifies the caller of every API request from its API key, sent as `Authorization: Bearer <key>` or
 * `x-api-key: <key>` (--auth api-key). A root-level onRequest hook: it runs before every route-level
 * hook, so the per-route rate limiter already knows the key's owner. It never refuses a request for a
 * bad key; routes that need a user do (see access.ts). A key in the URL is refused at once (400).
 */
export const authenticationPlugin: AppPlugin = {
  name: 'authentication',
  register(app, deps) {
    app.decorateRequest('user', null);
    app.decorateRequest('authFailure', null);
    redactKeysFromLoggedUrls(app.log);
    const identify = identifyCaller(deps.auth.apiKeys);
    app.addHook('onRequest', async (request) => {
      if (routeIdentifiesCaller(request.routeOptions.url)) await identify(request);
    });
  },
};

/**
 * Probes and docs never look a key up: a database outage must not fail a liveness probe through a key
 * lookup, and these routes ignore the caller anyway. Unknown routes (404) have no url: nothing to do.
 */
const routeIdentifiesCaller = (url: string | undefined) =>
  url !== undefined && !url.startsWith('/health/') && url !== DOCS_PREFIX && !url.startsWith(`${DOCS_PREFIX}/`);

type Serializer = (value: unknown) => unknown;
const isSerializer = (value: unknown): value is Serializer => typeof value === 'function';

/**
 * Fastify logs every request's URL ("incoming request") before any hook can refuse it, so a key sent in
 * the query string would reach the log. This wraps Fastify's own `req` serializer so the logged `url`
 * goes through `redactUrl`. Header credentials need nothing here: the request serializer does not log
 * headers, and REDACTED_PATHS (src/lib/logger.ts) covers `authorization` and `x-api-key` wherever a
 * header bag is logged. It edits the serializers of this app's root logger in place (pino keeps them
 * under a public symbol), so every request logger, the 404 handler's included, inherits the change.
 */
function redactKeysFromLoggedUrls(logger: AppLogger): void {
  const serializers: unknown = Reflect.get(logger, pino.symbols.serializersSym);
  const original: unknown = typeof serializers === 'object' && serializers !== null ? Reflect.get(serializers, 'req') : undefined;
  if (!isSerializer(original) || typeof serializers !== 'object' || serializers === null) {
    throw new Error('authentication plugin: Fastify request serializer not found; cannot keep API keys out of the logs');
  }
  const redacting: Serializer = (request) => {
    const logged = original(request);
    if (typeof logged !== 'object' || logged === null || !('url' in logged) || typeof logged.url !== 'string') return logged;
    return { ...logged, url: redactUrl(logged.url) };
  };
  Reflect.set(serializers, 'req', redacting);
}
