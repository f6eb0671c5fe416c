import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { createCache } from '../../src/lib/cache/index.js';
import { createRedisClient, REDIS_CLIENT_OPTIONS } from '../../src/lib/cache/redis-client.js';
import { RedisCache } from '../../src/lib/cache/redis.js';
import { ThrottledWarning } from '../../src/lib/cache/throttled-warning.js';
import { UNREACHABLE_REDIS_URL } from '../helpers/cache-env.js';
import { FakeRedis } from '../helpers/fake-redis.js';
import { captureLogs } from '../helpers/log-capture.js';

/**
 * Redis failing in each way it can: refused (nothing listens), hung (answers nothing), lost and back.
 * None of these needs a real Redis, so they run with and without REDIS_URL alike.
 */

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function redisCache(url: string, logger = captureLogs().logger, warnIntervalMs?: number): RedisCache {
  const cache = new RedisCache({
    client: createRedisClient(url),
    prefix: 'app',
    defaultTtlSeconds: 60,
    logger,
    ...(warnIntervalMs === undefined ? {} : { warnIntervalMs }),
  });
  cleanup.push(() => cache.close());
  return cache;
}

async function fakeRedis(): Promise<FakeRedis> {
  const server = new FakeRedis();
  await server.start();
  cleanup.push(() => server.stop());
  return server;
}

describe('RedisCache when Redis is unreachable', () => {
  it('starts at once, misses every read, accepts writes, and wrap serves from the loader, all fast', async () => {
    const started = Date.now();
    const cache = await createCache(loadEnv({ REDIS_URL: UNREACHABLE_REDIS_URL }), captureLogs().logger);
    cleanup.push(() => cache.close());
    let loads = 0;
    const loader = async () => ({ id: 'u1', load: ++loads });

    await cache.set('k', 1);
    expect(await cache.get('k')).toBeUndefined();
    await cache.delete('k');
    expect(await cache.wrap('users:u1', loader)).toEqual({ id: 'u1', load: 1 });
    expect(await cache.wrap('users:u1', loader)).toEqual({ id: 'u1', load: 2 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(cache.stats()).toEqual({ hits: 0, misses: 3 });
  });

  it('logs the outage once per interval, counting the failures it held back', async () => {
    const { records: lines, logger } = captureLogs();
    const cache = redisCache(UNREACHABLE_REDIS_URL, logger);
    for (let i = 0; i < 50; i += 1) await cache.wrap(`k${i}`, async () => i);
    const warnings = lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ component: 'cache', msg: expect.stringContaining('serving from the database'), suppressed: 0 });
  });

  it('says when Redis is back, and caches again', async () => {
    const server = await fakeRedis();
    const { records: lines, logger } = captureLogs();
    const cache = redisCache(server.url, logger);
    await vi.waitFor(() => expect(cache.client.status).toBe('ready'));
    await server.stop();
    expect(await cache.wrap('k', async () => 'from db')).toBe('from db');

    await server.start();
    await vi.waitFor(() => expect(cache.client.status).toBe('ready'), { timeout: 5000 });
    expect(lines.map((line) => line.level)).toEqual(['warn', 'info']);
    expect(lines[1]).toMatchObject({ msg: expect.stringContaining('reachable again') });
    await cache.set('k', 'cached');
    expect(await cache.get('k')).toBe('cached');
  });

  it('replays the deletes Redis missed while down, and reads those keys as misses until then', async () => {
    const server = await fakeRedis();
    const cache = redisCache(server.url);
    await vi.waitFor(() => expect(cache.client.status).toBe('ready'));
    await cache.set('user', 'old');
    await server.stop();
    await cache.delete('user');
    // Redis still holds "old": the missed delete must not let it be read back after the reconnection.
    expect(server.data.get(cache.keyFor('user'))).toBe(JSON.stringify('old'));

    await server.start();
    await vi.waitFor(() => expect(server.data.has(cache.keyFor('user'))).toBe(false), { timeout: 5000 });
    expect(await cache.get('user')).toBeUndefined();
    await cache.set('user', 'new');
    expect(await cache.get('user')).toBe('new');
  });

  it('close() stops the reconnection attempts', async () => {
    const { records: lines, logger } = captureLogs();
    const cache = redisCache(UNREACHABLE_REDIS_URL, logger, 0);
    await vi.waitFor(() => expect(lines.length).toBeGreaterThanOrEqual(2));
    await cache.close();
    const afterClose = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(lines.length).toBe(afterClose);
  });
});

describe('RedisCache when Redis hangs (accepts commands, never answers)', () => {
  it('gives up on each command after the command timeout and serves from the loader', async () => {
    const server = await fakeRedis();
    const cache = redisCache(server.url);
    await vi.waitFor(() => expect(cache.client.status).toBe('ready'));
    server.stall();

    const started = Date.now();
    expect(await cache.wrap('users:u1', async () => 'from db')).toBe('from db');
    expect(Date.now() - started).toBeLessThan(REDIS_CLIENT_OPTIONS.commandTimeout + 400);
    await expect(cache.ping()).rejects.toThrow(/timed out/);
  });
});

describe('RedisCache on the wire', () => {
  it('writes JSON under <prefix>:cache:<key> with a millisecond TTL, and reads it back', async () => {
    const server = await fakeRedis();
    const cache = redisCache(server.url);
    await vi.waitFor(() => expect(cache.client.status).toBe('ready'));
    await cache.set('users:1', { name: 'Ada', tags: [] }, 30);
    await cache.set('users:2', 'x');
    await cache.set('nothing', undefined);
    await cache.delete('users:2');
    expect(server.commands.filter(([name]) => ['set', 'del'].includes(name ?? ''))).toEqual([
      ['set', 'app:cache:users:1', '{"name":"Ada","tags":[]}', 'PX', '30000'],
      ['set', 'app:cache:users:2', '"x"', 'PX', '60000'],
      ['del', 'app:cache:nothing'],
      ['del', 'app:cache:users:2'],
    ]);
    expect(await cache.get('users:1')).toEqual({ name: 'Ada', tags: [] });
  });

  it('treats an entry that is not JSON as a miss', async () => {
    const server = await fakeRedis();
    const cache = redisCache(server.url);
    await vi.waitFor(() => expect(cache.client.status).toBe('ready'));
    server.data.set('app:cache:k', 'not json{');
    expect(await cache.wrap('k', async () => 'loaded')).toBe('loaded');
    // The GET goes out after wrap's SET on the same connection, so it sees the repaired entry.
    expect(await cache.get('k')).toBe('loaded');
    expect(server.data.get('app:cache:k')).toBe('"loaded"');
  });
});

describe('ThrottledWarning', () => {
  it('logs at most once per interval, then reports how many it held back; reset() logs the next at once', () => {
    const { records: lines, logger } = captureLogs();
    let now = 0;
    const warning = new ThrottledWarning(logger, 1000, { now: () => now });
    warning.warn({ n: 1 }, 'down');
    now = 500;
    warning.warn({ n: 2 }, 'down');
    warning.warn({ n: 3 }, 'down');
    now = 1000;
    warning.warn({ n: 4 }, 'down');
    warning.reset();
    warning.warn({ n: 5 }, 'down');
    expect(lines.map(({ n, suppressed }) => ({ n, suppressed }))).toEqual([
      { n: 1, suppressed: 0 },
      { n: 4, suppressed: 2 },
      { n: 5, suppressed: 0 },
    ]);
  });
});
