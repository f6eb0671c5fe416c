import rateLimit from '@fastify/rate-limit';
import { DOCS_PREFIX } from '../app/docs.js';
import { sharedRateLimitStore } from '../lib/cache/shared-store.js';
import { currentUser } from '../middleware/current-user.js';
import { errorResponses } from '../routes/schemas/common.js';
import type { AppPlugin } from '../types/app.js';
import { AppError } from '../utils/errors.js';

/**
 * Rate limiting: RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW seconds, counted per user when the
 * request is authenticated and per client IP otherwise; routes may set a stricter limit with
 * `config: { rateLimit: { max } }` (the auth routes do). Responses carry x-ratelimit-limit,
 * -remaining and -reset; a refusal is 429 RATE_LIMITED with retry-after. Health probes (an orchestrator
 * polls them) and docs are exempt: they get no limiter at all, rather than one that computes a key and
 * then lets them through. Where the counters live is the cache option's call (src/lib/cache/shared-store.ts):
 * in Redis, shared by every instance, when there is one; otherwise in this process's memory.
 *
 * The limiter is a route-level onRequest hook, so it runs after every root-level onRequest hook,
 * including the one that identifies the caller, and before the body is parsed.
 */

const isExempt = (url: string | undefined) =>
  url !== undefined && (url.startsWith('/health/') || url === DOCS_PREFIX || url.startsWith(`${DOCS_PREFIX}/`));

export const rateLimitPlugin: AppPlugin = {
  name: 'rate-limit',
  async register(app, deps) {
    const { env } = deps;
    // Before the limiter's own onRoute hook, which reads `config.rateLimit` to decide whether to attach.
    app.addHook('onRoute', (route) => {
      if (isExempt(route.url)) route.config = { ...route.config, rateLimit: false };
    });
    await app.register(rateLimit, {
      ...sharedRateLimitStore(deps),
      hook: 'onRequest',
      max: env.RATE_LIMIT_MAX,
      timeWindow: env.RATE_LIMIT_WINDOW * 1000,
      keyGenerator: (request) => {
        const user = currentUser(request);
        // IPv6 clients are counted per /64, the block one subscriber usually holds.
        return user === null ? `ip:${rateLimit.normalizeIP(request.ip)}` : `user:${user.id}`;
      },
      onExceeded: (request, key) => request.log.warn({ rateLimitKey: key }, 'rate limit exceeded'),
      errorResponseBuilder: (_request, context) =>
        new AppError('RATE_LIMITED', `Too many requests: retry in ${context.after}`),
    });

    // Documents the 429 on every limited route that documents its responses.
    app.addHook('onRoute', (route) => {
      const response = route.schema?.response;
      if (isExempt(route.url) || route.config?.rateLimit === false || typeof response !== 'object' || response === null) return;
      route.schema = { ...route.schema, response: { ...response, ...errorResponses(429) } };
    });
  },
};
