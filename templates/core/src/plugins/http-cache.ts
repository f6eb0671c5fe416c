import { hash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppPlugin } from '../types/app.js';

/** RFC 9110 If-None-Match: a list of (possibly weak) tags, or "*"; compared weakly. */
export function ifNoneMatchHits(header: string | undefined, etagValue: string): boolean {
  if (header === undefined) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = strip(etagValue);
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === wanted);
}

/** A strong validator for a serialised body: its SHA-1 in base64, quoted. */
export function etagOf(payload: string | Buffer): string {
  return `"${hash('sha1', payload, 'base64')}"`;
}

function isCacheable(request: FastifyRequest, reply: FastifyReply): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && reply.statusCode >= 200 && reply.statusCode < 300;
}

/**
 * Conditional GETs and caching headers. Successful GET/HEAD responses get an ETag (the handler's own,
 * or a hash of the serialised body); nothing else does, so a 404 or a POST never turns into a 304 and
 * no time is spent hashing bodies no client can revalidate. A matching If-None-Match is answered with
 * 304 and no body. Responses default to `cache-control: private, no-cache`: clients may store them but
 * must revalidate with the ETag. Streamed bodies (file downloads) are not hashed.
 */
export const httpCachePlugin: AppPlugin = {
  name: 'http-cache',
  register(app) {
    app.addHook('onSend', (request, reply, payload, done) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-cache');
      if (!isCacheable(request, reply)) {
        reply.removeHeader('etag');
        return done(null, payload);
      }
      let tag = reply.getHeader('etag');
      if (typeof tag !== 'string') {
        if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
        tag = etagOf(payload);
        reply.header('etag', tag);
      }
      if (!ifNoneMatchHits(request.headers['if-none-match'], tag)) return done(null, payload);
      reply.code(304);
      done(null, '');
    });
  },
};
