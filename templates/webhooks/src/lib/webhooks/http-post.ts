import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookTarget } from './url-guard.js';

/**
 * One HTTP POST to a checked webhook target. node:http rather than fetch: only node:http lets us
 * hand the socket the addresses the SSRF guard approved (`lookup` below), so the connection cannot
 * be re-resolved elsewhere between the check and the connect. TLS still verifies the certificate
 * against the URL's host name. Redirects are never followed (node:http does not follow them), so a
 * receiver cannot bounce the request to an internal address either.
 */

export interface PostOptions {
  headers: Record<string, string>;
  body: string;
  /** Fires on the delivery timeout or when the worker stops; the request is then aborted. */
  signal: AbortSignal;
}

export interface PostResult {
  statusCode: number;
}

/** A lookup that answers with the pinned addresses only, whatever name it is asked about. */
function pinnedLookup(target: WebhookTarget): LookupFunction {
  const addresses = target.addresses.map(({ address, family }) => ({ address, family }));
  return (_hostname, options, callback) => {
    const first = addresses[0];
    if (first === undefined) {
      callback(new Error('no checked address to connect to'), '', 0);
    } else if (options.all === true) {
      callback(null, addresses);
    } else {
      callback(null, first.address, first.family);
    }
  };
}

/** Resolves with the status once the response headers arrive; rejects on network errors and on abort. */
export function postJson(target: WebhookTarget, options: PostOptions): Promise<PostResult> {
  const transport = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(target.url, {
      method: 'POST',
      headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
      lookup: pinnedLookup(target),
      // A fresh connection per delivery: a pooled socket could be one opened to another address.
      agent: false,
      signal: options.signal,
    });
    request.on('response', (response) => {
      resolve({ statusCode: response.statusCode ?? 0 });
      // The body is not needed; read and discard it so the receiver can finish, until the signal fires.
      response.resume();
      response.on('error', () => {});
    });
    request.on('error', reject);
    request.end(options.body);
  });
}
