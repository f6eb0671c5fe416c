import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { Dependencies } from '../../app/dependencies.js';

/** The options of @fastify/rate-limit that choose where its counters live. */
export type SharedRateLimitStore = Pick<RateLimitPluginOptions, 'redis' | 'nameSpace' | 'skipOnError'>;

/**
 * Seam between the cache option and src/plugins/rate-limit.ts, which stays the same for every option;
 * each cache option ships its own version of this file. This one (`--cache memory` or `none`) has no
 * shared store to offer: the limiter keeps its counters in this process's memory.
 */
export function sharedRateLimitStore(_deps: Pick<Dependencies, 'cache'>): SharedRateLimitStore {
  return {};
}
