import type { FeatureManifest } from './types.js';

/**
 * Each cache adapter ships its own `src/lib/cache/index.ts` and the two seams `shared-store.ts` (where
 * rate-limit counters live) and `test/helpers/cache-env.ts`; the port itself is part of core.
 */

/** The in-process LRU: the memory option's cache, and the redis option's stand-in when REDIS_URL is unset. */
export const cacheLruFeature: FeatureManifest = {
  id: 'cache-lru',
  summary: 'In-process LRU cache adapter',
  selectedWhen: { option: 'cache', oneOf: ['memory', 'redis'] },
  requires: ['core'],
  dependencies: ['lru-cache'],
  env: [
    { name: 'CACHE_TTL_SECONDS', schema: 'int(1, 7 * 24 * 3600).default(60)', example: '60', description: 'How long GET /api/v1/users/:id responses stay in the cache, in seconds.' },
    { name: 'CACHE_MAX_ENTRIES', schema: 'int(1, 10_000_000).default(10000)', example: '10000', description: 'Maximum number of entries in the in-process cache (least recently used are evicted first).' },
  ],
  templates: ['cache/lru'],
};

/** Options whose cache lives in the process, so the rate limiter counts in the process too. */
export const cacheLocalFeature: FeatureManifest = {
  id: 'cache-local',
  summary: 'Per-process rate-limit counters',
  selectedWhen: { option: 'cache', oneOf: ['memory', 'none'] },
  requires: ['core'],
  templates: ['cache/local'],
};

export const cacheMemoryFeature: FeatureManifest = {
  id: 'cache-memory',
  summary: 'Cache (in-memory LRU)',
  selectedWhen: { option: 'cache', equals: 'memory' },
  requires: ['core', 'cache-lru', 'cache-local'],
  templates: ['cache/memory'],
};

export const cacheRedisFeature: FeatureManifest = {
  id: 'cache-redis',
  summary: 'Cache and rate-limit counters in Redis',
  selectedWhen: { option: 'cache', equals: 'redis' },
  requires: ['core', 'cache-lru', 'redis'],
  dependencies: ['ioredis'],
  env: [
    { name: 'CACHE_KEY_PREFIX', schema: "z.string().trim().max(64).regex(/^[\\w.:-]*$/, 'may contain only letters, digits and . _ : -').optional().transform((value) => value || undefined)", example: '', description: 'Namespace of this app\'s Redis keys (<prefix>:cache:…, <prefix>:rate-limit:…), so that several apps can share\none Redis. Letters, digits and . _ : - only. Empty: the name in package.json.' },
  ],
  templates: ['cache/redis'],
  registrations: [
    { point: 'healthChecks', symbol: 'cacheHealthCheck', from: 'src/lib/cache/health.ts' },
    { point: 'shutdownHooks', symbol: 'closeCache', from: 'src/lib/cache/health.ts' },
  ],
};

export const cacheNoneFeature: FeatureManifest = {
  id: 'cache-none',
  summary: 'Cache (none)',
  selectedWhen: { option: 'cache', equals: 'none' },
  requires: ['core', 'cache-local'],
  templates: ['cache/none'],
};

/** One Redis for everything that uses it (the cache and rate-limit counters, BullMQ): its URL and its compose service. */
export const redisFeature: FeatureManifest = {
  id: 'redis',
  summary: 'Redis connection settings',
  selectedWhen: { anyOf: [{ option: 'cache', equals: 'redis' }, { option: 'queue', equals: 'bullmq' }] },
  requires: ['core'],
  dependencies: ['ioredis'],
  env: [
    { name: 'REDIS_URL', schema: 'optionalUrl(/^rediss?$/)', example: '', description: 'Redis connection URL (redis://, or rediss:// for TLS), e.g. redis://:password@localhost:6379/0. Shared by\nevery instance: it holds what this project keeps in Redis (cache, rate-limit counters, BullMQ queues).\nRequired in production. Empty: an in-process stand-in is used instead, so `npm run dev` and `npm test`\nneed no Redis.', requiredInProduction: true },
  ],
  templates: ['redis'],
  compose: {
    redis: {
      definition: {
        image: 'redis:7-alpine',
        ports: ['6379:6379'],
        healthcheck: { test: ['CMD', 'redis-cli', 'ping'], interval: '5s', timeout: '5s', retries: 10 },
      },
    },
    app: { definition: { environment: { REDIS_URL: 'redis://redis:6379' }, depends_on: { redis: { condition: 'service_healthy' } } } },
  },
};
