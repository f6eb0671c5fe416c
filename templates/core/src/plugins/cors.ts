import cors from '@fastify/cors';
import type { AppPlugin } from '../types/app.js';

/**
 * CORS from CORS_ORIGINS. Empty: no cross-origin access at all. '*' is refused in production by
 * env validation. Without an explicit list @fastify/cors would only allow GET, HEAD and POST.
 */
export const corsPlugin: AppPlugin = {
  name: 'cors',
  async register(app, { env }) {
    const origins = env.CORS_ORIGINS;
    await app.register(cors, {
      origin: origins.includes('*') ? '*' : origins.length > 0 ? origins : false,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      // Rate-limit headers are readable by browser clients too, so they can back off before a 429.
      exposedHeaders: ['x-request-id', 'etag', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'],
      maxAge: 600,
    });
  },
};
