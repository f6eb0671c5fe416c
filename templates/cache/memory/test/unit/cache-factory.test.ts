import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { createCache } from '../../src/lib/cache/index.js';

describe('createCache (--cache memory)', () => {
  it('builds the LRU adapter from CACHE_TTL_SECONDS and CACHE_MAX_ENTRIES', async () => {
    const cache = createCache(loadEnv({ CACHE_TTL_SECONDS: '5', CACHE_MAX_ENTRIES: '1' }));
    await cache.set('a', 1);
    await cache.set('b', 2);
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBe(2);
  });

  it('names a bad cache variable', () => {
    expect(() => loadEnv({ CACHE_TTL_SECONDS: '', CACHE_MAX_ENTRIES: '0' })).toThrow(/CACHE_TTL_SECONDS[\s\S]*CACHE_MAX_ENTRIES/);
  });
});
