import { afterEach, describe, expect, it, vi } from 'vitest';
import { healthChecks } from '../../src/app/health-checks.js';
import { createShutdown } from '../../src/app/shutdown.js';
import { shutdownHooks } from '../../src/app/shutdown-hooks.js';
import { REDIS_CLIENT_OPTIONS } from '../../src/lib/cache/redis-client.js';
import { RedisCache } from '../../src/lib/cache/redis.js';
import { userCacheKey } from '../../src/services/users.service.js';
import { useTestApp } from '../helpers/app.js';
import { asAdmin } from '../helpers/auth.js';
import { UNREACHABLE_REDIS_URL } from '../helpers/cache-env.js';
import { FakeRedis } from '../helpers/fake-redis.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { createUser } from '../helpers/users.js';

/**
 * --cache redis through HTTP. The main app uses Redis when REDIS_URL is set and the in-process fallback
 * otherwise; where the two differ on purpose (sharing between instances), each test says what to expect
 * of each. The "Redis down" apps point at a port where nothing listens, so they need no Redis at all.
 */
const ctx = useTestApp();
const SOME_ID = '00000000-0000-4000-8000-000000000000';
const shared = () => ctx.deps.cache instanceof RedisCache;

describe('with Redis down', () => {
  const down = () => ctx.build({ env: { REDIS_URL: UNREACHABLE_REDIS_URL, RATE_LIMIT_MAX: '2' } });

  it('GET /api/v1/users/:id is served from the database, quickly, and stays fresh after updates', async () => {
    const built = await down();
    expect(built.deps.cache).toBeInstanceOf(RedisCache);
    const admin = asAdmin(built);
    const user = await createUser(admin, { email: 'down@example.com', name: 'Before' });

    for (let i = 0; i < 3; i += 1) {
      const started = Date.now();
      const response = await admin.inject({ url: `/api/v1/users/${user.id}` });
      expect(response.statusCode).toBe(200);
      expect(response.json().data).toMatchObject({ id: user.id, name: 'Before' });
      // Less than one command timeout: nothing waits on Redis, every call to it fails at once.
      expect(Date.now() - started).toBeLessThan(REDIS_CLIENT_OPTIONS.commandTimeout - 50);
    }
    expect((await admin.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { name: 'After' } })).statusCode).toBe(200);
    expect((await admin.inject({ url: `/api/v1/users/${user.id}` })).json().data.name).toBe('After');
    expect((await admin.inject({ method: 'DELETE', url: `/api/v1/users/${user.id}` })).statusCode).toBe(204);
    expect((await admin.inject({ url: `/api/v1/users/${user.id}` })).statusCode).toBe(404);
  });

  it('rate limiting fails open: requests go through instead of every client being refused', async () => {
    const { app } = await down();
    for (let i = 0; i < 5; i += 1) {
      const response = await app.inject({ url: `/api/v1/users/${SOME_ID}`, remoteAddress: '10.7.0.1' });
      expect(response.statusCode).not.toBe(429);
      expect(response.headers['x-ratelimit-limit']).toBe('2');
    }
  });

  it('/health/ready stays 200 and reports the cache as failing', async () => {
    const { app } = await down();
    const response = await app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', cache: 'fail' } });
  });
});

describe('a Redis outage in the middle of a test', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  /** The real Redis (REDIS_URL) or, without one, a stand-in speaking RESP, behind a relay the test can cut. */
  async function redisBehindProxy(): Promise<{ proxy: TcpProxy; url: string }> {
    let target = process.env.REDIS_URL;
    if (target === undefined) {
      const fake = new FakeRedis();
      await fake.start();
      stops.push(() => fake.stop());
      target = fake.url;
    }
    const url = new URL(target);
    const proxy = new TcpProxy({ host: url.hostname, port: Number(url.port || 6379) });
    await proxy.start();
    stops.push(() => proxy.cut());
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    return { proxy, url: url.toString() };
  }

  it('requests keep succeeding from the database, readiness reports the cache down, and on reconnection it recovers with no stale entry', async () => {
    const { proxy, url } = await redisBehindProxy();
    const built = await ctx.build({ env: { REDIS_URL: url } });
    const cache = built.deps.cache;
    if (!(cache instanceof RedisCache)) throw new Error('expected the Redis adapter');
    await vi.waitFor(() => expect(cache.client.status).toBe('ready'));
    const admin = asAdmin(built);
    const user = await createUser(admin, { email: 'outage@example.com', name: 'Before' });
    const read = () => admin.inject({ url: `/api/v1/users/${user.id}` });
    await read();
    const hitsBefore = cache.stats().hits;
    expect((await read()).json().data.name).toBe('Before');
    expect(cache.stats().hits).toBe(hitsBefore + 1);

    await proxy.cut();
    await vi.waitFor(() => expect(cache.client.status).not.toBe('ready'));
    const patched = await admin.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { name: 'During' } });
    expect(patched.statusCode).toBe(200);
    const during = await read();
    expect(during.statusCode).toBe(200);
    expect(during.json().data.name).toBe('During');
    const degraded = await built.app.inject({ url: '/health/ready' });
    expect(degraded.statusCode).toBe(200);
    expect(degraded.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', cache: 'fail' } });

    await proxy.restore();
    await vi.waitFor(() => expect(cache.client.status).toBe('ready'), { timeout: 5000 });
    // Redis may still hold "Before" from the first read: the delete missed during the outage keeps it unread.
    expect((await read()).json().data.name).toBe('During');
    const hitsAfter = cache.stats().hits;
    await read();
    expect(cache.stats().hits, 'caching resumed').toBe(hitsAfter + 1);
    expect((await built.app.inject({ url: '/health/ready' })).json()).toMatchObject({ checks: { cache: 'ok' } });
  });
});

describe('with the configured cache (Redis when REDIS_URL is set, else in-process)', () => {
  it('/health/ready reports the cache', async () => {
    const response = await ctx.app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', cache: 'ok' } });
  });

  it('two instances count requests against one limit through Redis (each its own in-process)', async () => {
    const env = { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW: '60' };
    const [a, b] = [await ctx.build({ env }), await ctx.build({ env })];
    const get = (target: typeof a) => target.app.inject({ url: `/api/v1/users/${SOME_ID}`, remoteAddress: '10.8.0.1' });
    const sequence = [await get(a), await get(a), await get(b), await get(b)];
    const remaining = sequence.map((response) => response.headers['x-ratelimit-remaining']);
    const statuses = sequence.map((response) => response.statusCode === 429);
    if (shared()) {
      expect(remaining).toEqual(['2', '1', '0', '0']);
      expect(statuses).toEqual([false, false, false, true]);
    } else {
      expect(remaining).toEqual(['2', '1', '2', '1']);
      expect(statuses).toEqual([false, false, false, false]);
    }
  });

  it('two instances share cached users and invalidations through Redis (each its own in-process)', async () => {
    const [a, b] = [await ctx.build(), await ctx.build()];
    const [adminA, adminB] = [asAdmin(a), asAdmin(b)];
    const user = await createUser(adminA, { email: 'shared@example.com', name: 'Original' });
    await adminA.inject({ url: `/api/v1/users/${user.id}` });
    // Sent after a's write of the entry on the same connection, so the entry is in Redis once this returns.
    await a.deps.cache.get(userCacheKey(user.id));
    // A write that bypasses the service (and so the invalidation): only a cache can still answer "Original".
    await ctx.deps.repositories.users.update(user.id, { name: 'Sneaky' });
    expect((await adminB.inject({ url: `/api/v1/users/${user.id}` })).json().data.name).toBe(shared() ? 'Original' : 'Sneaky');

    // An update through b invalidates the entry a would read: with per-process caches a stays stale.
    await adminB.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { name: 'After' } });
    expect((await adminA.inject({ url: `/api/v1/users/${user.id}` })).json().data.name).toBe(shared() ? 'After' : 'Original');
  });

  it('are registered: an optional readiness check and a shutdown hook that closes the connection', async () => {
    expect(healthChecks.find((check) => check.name === 'cache')).toMatchObject({ optional: true });
    const built = await ctx.build();
    const hook = shutdownHooks.find((candidate) => candidate.name === 'cache');
    if (hook === undefined) throw new Error('no cache shutdown hook');
    await built.deps.cache.set('k', 1);
    const shutdown = createShutdown({ app: built.app, deps: built.deps, hooks: [hook], timeoutMs: 1000 });
    expect(await shutdown('SIGTERM')).toBe(0);
    const { cache } = built.deps;
    if (cache instanceof RedisCache) {
      await expect.poll(() => cache.client.status).toBe('end');
    } else {
      expect(await cache.get('k')).toBeUndefined();
    }
  });
});
