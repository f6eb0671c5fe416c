import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readAppInfo } from '../../src/config/app-info.js';
import { ConfigError, loadEnv } from '../../src/config/env.js';
import { cacheKeyPrefix, createCache, type Cache } from '../../src/lib/cache/index.js';
import { MemoryCache } from '../../src/lib/cache/memory.js';
import { RedisCache } from '../../src/lib/cache/redis.js';
import { createLogger } from '../../src/lib/logger.js';
import { productionEnv, testEnv } from '../helpers/env.js';
import { captureLogs } from '../helpers/log-capture.js';

/**
 * The Cache contract, against what createCache builds from the test environment: Redis when REDIS_URL is
 * set, the in-process fallback otherwise. Every test runs in both set-ups; where they differ on purpose
 * (sharing between instances) the test says what to expect of each.
 */

const usingRedis = Boolean(process.env.REDIS_URL);
const silent = createLogger({ LOG_LEVEL: 'silent' });
const opened: Cache[] = [];

/** A cache with a key prefix of its own, so tests never see each other's entries. */
async function open(env: Record<string, string> = {}): Promise<Cache> {
  const cache = await createCache(testEnv({ CACHE_KEY_PREFIX: `test-${randomUUID()}`, ...env }), silent);
  opened.push(cache);
  return cache;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((cache) => cache.close()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe(`Cache contract (${usingRedis ? 'Redis' : 'in-process fallback'})`, () => {
  it('is the adapter the environment asks for', async () => {
    expect(await open()).toBeInstanceOf(usingRedis ? RedisCache : MemoryCache);
  });

  it('stores JSON values, reads and deletes them, counting hits and misses', async () => {
    const cache = await open();
    const user = { id: 'u1', tags: ['a', 'b'], nested: { n: 1.5, none: null } };
    expect(await cache.get('k')).toBeUndefined();
    await cache.set('k', user);
    expect(await cache.get('k')).toEqual(user);
    await cache.set('k', 'replaced');
    expect(await cache.get('k')).toBe('replaced');
    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
    await cache.delete('never-set');
    expect(cache.stats()).toEqual({ hits: 2, misses: 2 });
  });

  it('caches falsy values: null, 0, false and the empty string', async () => {
    const cache = await open();
    for (const value of [null, 0, false, '']) {
      let runs = 0;
      const loader = async () => {
        runs += 1;
        return value;
      };
      expect(await cache.wrap(`falsy:${String(value)}`, loader)).toBe(value);
      expect(await cache.wrap(`falsy:${String(value)}`, loader)).toBe(value);
      expect(runs).toBe(1);
    }
  });

  it('expires entries after their TTL: CACHE_TTL_SECONDS by default, or per entry', async () => {
    const cache = await open({ CACHE_TTL_SECONDS: '1' });
    await cache.set('short', 's', 0.2);
    await cache.set('default', 'd');
    await cache.set('long', 'l', 60);
    await sleep(400);
    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.get('default')).toBe('d');
    await sleep(800);
    expect(await cache.get('default')).toBeUndefined();
    expect(await cache.get('long')).toBe('l');
  });

  it('wrap: concurrent callers share one loader run (single flight)', async () => {
    const cache = await open();
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
    const cache = await open();
    await expect(cache.wrap('k', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.wrap('k', async () => 'ok')).toBe('ok');
  });

  it('wrap: a delete during a load keeps the (possibly stale) result out of the cache', async () => {
    const cache = await open();
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

  it('keeps apps apart by key prefix; instances of one app share entries only through Redis', async () => {
    const prefix = `test-${randomUUID()}`;
    const [first, sameApp, otherApp] = [await open({ CACHE_KEY_PREFIX: prefix }), await open({ CACHE_KEY_PREFIX: prefix }), await open()];
    await first.set('users:1', { name: 'Ada' });
    expect(await sameApp.get('users:1')).toEqual(usingRedis ? { name: 'Ada' } : undefined);
    expect(await otherApp.get('users:1')).toBeUndefined();
  });

  it('close() releases the cache and may be called twice', async () => {
    const cache = await open();
    await cache.set('k', 1);
    await Promise.all([cache.close(), cache.close()]);
    await cache.close();
    if (cache instanceof RedisCache) await vi.waitFor(() => expect(cache.client.status).toBe('end'));
  });
});

describe('createCache (--cache redis)', () => {
  it('without REDIS_URL, falls back to the in-process LRU (CACHE_MAX_ENTRIES) and says so once', async () => {
    const { records, logger } = captureLogs();
    const cache = await createCache(loadEnv({ CACHE_MAX_ENTRIES: '1' }), logger);
    expect(cache).toBeInstanceOf(MemoryCache);
    await cache.set('a', 1);
    await cache.set('b', 2);
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBe(2);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ level: 'info', cache: 'memory', msg: expect.stringContaining('REDIS_URL is not set') });
  });

  it('names keys after CACHE_KEY_PREFIX, or after the package name when it is unset', () => {
    expect(cacheKeyPrefix(loadEnv({ CACHE_KEY_PREFIX: 'shop-api' }))).toBe('shop-api');
    expect(cacheKeyPrefix(loadEnv({ CACHE_KEY_PREFIX: '' }))).toBe(readAppInfo().name);
  });
});

function issuesOf(source: Record<string, string>): string[] {
  try {
    loadEnv(source);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => issue.variable);
    throw error;
  }
}

describe('Redis configuration', () => {
  it('REDIS_URL: redis:// or rediss:// (TLS); empty means unset; anything else is refused by name', () => {
    expect(loadEnv({ REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(loadEnv({ REDIS_URL: 'rediss://:secret@cache.example.com:6380/2' }).REDIS_URL).toBe('rediss://:secret@cache.example.com:6380/2');
    expect(loadEnv({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
    for (const bad of ['http://cache:6379', 'localhost:6379', 'not a url']) {
      expect(issuesOf({ REDIS_URL: bad })).toEqual(['REDIS_URL']);
    }
  });

  it('CACHE_KEY_PREFIX: letters, digits and . _ : - up to 64 characters; empty means unset', () => {
    expect(loadEnv({ CACHE_KEY_PREFIX: ' my-app:v2 ' }).CACHE_KEY_PREFIX).toBe('my-app:v2');
    expect(loadEnv({ CACHE_KEY_PREFIX: '' }).CACHE_KEY_PREFIX).toBeUndefined();
    expect(issuesOf({ CACHE_KEY_PREFIX: 'has space' })).toEqual(['CACHE_KEY_PREFIX']);
    expect(issuesOf({ CACHE_KEY_PREFIX: 'x'.repeat(65) })).toEqual(['CACHE_KEY_PREFIX']);
  });

  it('names a bad CACHE_TTL_SECONDS or CACHE_MAX_ENTRIES', () => {
    expect(() => loadEnv({ CACHE_TTL_SECONDS: '', CACHE_MAX_ENTRIES: '0' })).toThrow(/CACHE_TTL_SECONDS[\s\S]*CACHE_MAX_ENTRIES/);
  });

  it('production refuses to start without REDIS_URL, naming it', () => {
    const { REDIS_URL: _omitted, ...rest } = productionEnv();
    expect(issuesOf(rest)).toEqual(['REDIS_URL']);
    expect(issuesOf({ ...rest, REDIS_URL: '' })).toEqual(['REDIS_URL']);
    expect(() => loadEnv(rest)).toThrow(/REDIS_URL: is required in production/);
    expect(issuesOf({ ...rest, REDIS_URL: 'rediss://cache.example.com:6380' })).toEqual([]);
  });
});
