import helmet from '@fastify/helmet';
import type { AppPlugin } from '../types/app.js';

/**
 * Security headers on every response. The API only ever returns JSON, so the CSP forbids everything;
 * the Swagger UI page sets its own, looser policy for itself (src/app/docs.ts).
 */
export const securityPlugin: AppPlugin = {
  name: 'security',
  async register(app) {
    await app.register(helmet, {
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
  },
};
