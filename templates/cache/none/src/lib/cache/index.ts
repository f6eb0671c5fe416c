import type { Env } from '../../config/env.js';
import type { AppLogger } from '../logger.js';
import type { Cache } from './cache.js';
import { NoneCache } from './none.js';

export type { Cache, CacheStats } from './cache.js';

/** No caching (`--cache none`): every read goes to the database; each cache option ships this file. */
export function createCache(_env: Env, _logger?: AppLogger): Cache {
  return new NoneCache();
}
