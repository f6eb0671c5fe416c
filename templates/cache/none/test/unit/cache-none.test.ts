import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { createCache } from '../../src/lib/cache/index.js';
import { NoneCache } from '../../src/lib/cache/none.js';

describe('NoneCache', () => {
  it('never stores: every read misses and wrap always runs the loader', async () => {
    const cache = new NoneCache();
    await cache.set('k', 1);
    expect(await cache.get('k')).toBeUndefined();
    let runs = 0;
    const loader = async () => ++runs;
    expect(await cache.wrap('k', loader)).toBe(1);
    expect(await cache.wrap('k', loader)).toBe(2);
    expect(cache.stats()).toEqual({ hits: 0, misses: 3 });
  });
});

describe('createCache (--cache none)', () => {
  it('builds the pass-through adapter', () => {
    expect(createCache(loadEnv({}))).toBeInstanceOf(NoneCache);
  });
});
