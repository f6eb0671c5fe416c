import etag from '@fastify/etag';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppPlugin } from '../types/app.js';

/** RFC 9110 If-None-Match: a list of (possibly weak) tags, or "*"; compared weakly. */
export function ifNoneMatchHits(header: string | undefined, etagValue: string): boolean {
  if (header === undefined) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = strip(etagValue);
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === wanted);
}

function isCacheable(request: FastifyRequest, reply: FastifyReply): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && reply.statusCode >= 200 && reply.statusCode < 300;
}

/**
 * Conditional GETs and caching headers. @fastify/etag hashes every payload; the hook here limits
 * validators to successful GET/HEAD responses (a 404 or a POST must never turn into a 304) and
 * answers a matching If-None-Match with 304 and no body. Responses default to
 * `cache-control: private, no-cache`: clients may store them but must revalidate with the ETag.
 */
export const httpCachePlugin: AppPlugin = {
  name: 'http-cache',
  async register(app) {
    await app.register(etag, { replyWith304: false });
    app.addHook('onSend', async (request, reply, payload) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-cache');
      const tag = reply.getHeader('etag');
      if (typeof tag !== 'string') return payload;
      if (!isCacheable(request, reply)) {
        reply.removeHeader('etag');
        return payload;
      }
      if (!ifNoneMatchHits(request.headers['if-none-match'], tag)) return payload;
      reply.code(304);
      return '';
    });
  },
};
