import { describe, expect, it } from 'vitest';
import { MemoryCache } from '../../src/lib/cache/memory.js';

function fakeClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('MemoryCache', () => {
  it('stores, reads and deletes, counting hits and misses', async () => {
    const cache = new MemoryCache({ maxEntries: 10, defaultTtlSeconds: 60 });
    expect(await cache.get('k')).toBeUndefined();
    await cache.set('k', { a: 1 });
    expect(await cache.get('k')).toEqual({ a: 1 });
    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
    expect(cache.stats()).toEqual({ hits: 1, misses: 2 });
  });

  it('expires entries after their TTL (default or per entry)', async () => {
    const clock = fakeClock();
    const cache = new MemoryCache({ maxEntries: 10, defaultTtlSeconds: 60, clock });
    await cache.set('default', 'x');
    await cache.set('short', 'y', 5);
    clock.advance(4_000);
    expect(await cache.get('short')).toBe('y');
    clock.advance(2_000);
    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.get('default')).toBe('x');
    clock.advance(55_000);
    expect(await cache.get('default')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = new MemoryCache({ maxEntries: 2, defaultTtlSeconds: 60 });
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.get('a');
    await cache.set('c', 3);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe(1);
  });

  it('wrap: concurrent callers share one loader run (single flight)', async () => {
    const cache = new MemoryCache({ maxEntries: 10, defaultTtlSeconds: 60 });
    const gate = deferred<string>();
    let runs = 0;
    const loader = async () => {
      runs += 1;
      return gate.promise;
    };
    const calls = Array.from({ length: 10 }, () => cache.wrap('key', loader));
    gate.resolve('value');
    expect(await Promise.all(calls)).toEqual(Array(10).fill('value'));
    expect(runs).toBe(1);
    expect(await cache.wrap('key', loader)).toBe('value');
    expect(runs).toBe(1);
    expect(cache.stats().hits).toBe(1);
  });

  it('wrap: a failing loader caches nothing and the next call retries', async () => {
    const cache = new MemoryCache({ maxEntries: 10, defaultTtlSeconds: 60 });
    await expect(cache.wrap('k', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.wrap('k', async () => 'ok')).toBe('ok');
  });

  it('wrap: a delete during a load keeps the (possibly stale) result out of the cache', async () => {
    const cache = new MemoryCache({ maxEntries: 10, defaultTtlSeconds: 60 });
    const gate = deferred<string>();
    const started = deferred<void>();
    const pending = cache.wrap('k', () => {
      started.resolve();
      return gate.promise;
    });
    await started.promise;
    await cache.delete('k');
    // A caller arriving after the delete must not join the old load.
    const fresh = cache.wrap('k', async () => 'new');
    gate.resolve('old');
    expect(await pending).toBe('old');
    expect(await fresh).toBe('new');
    expect(await cache.get('k')).toBe('new');
  });

  it('caches falsy values such as null and 0', async () => {
    const cache = new MemoryCache({ maxEntries: 10, defaultTtlSeconds: 60 });
    let runs = 0;
    const loader = async () => {
      runs += 1;
      return null;
    };
    await cache.wrap('n', loader);
    await cache.wrap('n', loader);
    expect(runs).toBe(1);
  });
});
