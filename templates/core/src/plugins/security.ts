import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import type { AppPlugin } from '../types/app.js';

/**
 * Security headers on every response. The API only ever returns JSON, so the CSP forbids everything;
 * the Swagger UI page sets its own, looser policy for itself (src/app/docs.ts).
 *
 * @fastify/helmet runs helmet for every request, and helmet rebuilds and re-validates the whole policy
 * each time: about a tenth of the cost of a small response. The headers depend on the options only, so
 * helmet runs once here, on a private instance, and each reply gets a copy of what it set.
 */
export const securityPlugin: AppPlugin = {
  name: 'security',
  async register(app) {
    const probe = Fastify();
    await probe.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    });
    probe.get('/', (_request, reply) => reply.code(204).send());
    const { headers } = await probe.inject({ url: '/' });
    await probe.close();

    const securityHeaders = Object.fromEntries(
      Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !NOT_FROM_HELMET.has(entry[0])),
    );
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(securityHeaders);
      done();
    });
  },
};

// What Fastify and Node set on any response; everything else the probe answered with came from helmet.
const NOT_FROM_HELMET = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-type', 'transfer-encoding']);
