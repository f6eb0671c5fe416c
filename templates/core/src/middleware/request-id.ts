import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

// Safe to echo into headers and logs: no spaces, quotes or control characters, bounded length.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's id when it is acceptable (so traces join up across services), else a fresh UUID. */
export function resolveRequestId(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && ACCEPTABLE.test(incoming) ? incoming : randomUUID();
}

/**
 * Echoes the id on every response; runs first so even 404s and early errors carry it. A callback hook,
 * not an async one: it runs on every request and has nothing to wait for.
 */
export function echoRequestId(request: { id: string }, reply: { header(name: string, value: string): unknown }, done: () => void) {
  reply.header(REQUEST_ID_HEADER, request.id);
  done();
}
