import type { FeatureManifest } from './types.js';

/** Each cache adapter ships its own `src/lib/cache/index.ts`; the port itself is part of core. */
export const cacheMemoryFeature: FeatureManifest = {
  id: 'cache-memory',
  summary: 'Cache (in-memory LRU)',
  selectedWhen: { option: 'cache', equals: 'memory' },
  requires: ['core'],
  dependencies: ['lru-cache'],
  env: [
    { name: 'CACHE_TTL_SECONDS', schema: 'int(1, 7 * 24 * 3600).default(60)', example: '60', description: 'How long GET /api/v1/users/:id responses stay in the in-process cache, in seconds.' },
    { name: 'CACHE_MAX_ENTRIES', schema: 'int(1, 10_000_000).default(10000)', example: '10000', description: 'Maximum number of entries in the in-process cache (least recently used are evicted first).' },
  ],
  templates: ['cache/memory'],
};

export const cacheNoneFeature: FeatureManifest = {
  id: 'cache-none',
  summary: 'Cache (none)',
  selectedWhen: { option: 'cache', equals: 'none' },
  requires: ['core'],
  templates: ['cache/none'],
};
