import type { FeatureManifest } from './types.js';

/** Each cache adapter ships its own `src/lib/cache/index.ts`; the port itself is part of core. */
export const cacheMemoryFeature: FeatureManifest = {
  id: 'cache-memory',
  summary: 'Cache (in-memory LRU)',
  selectedWhen: { option: 'cache', equals: 'memory' },
  requires: ['core'],
  dependencies: ['lru-cache'],
  env: [
    { name: 'CACHE_TTL_SECONDS', schema: 'z.coerce.number().int().positive().default(60)', example: '60', description: 'How long cached reads live' },
    { name: 'CACHE_MAX_ENTRIES', schema: 'z.coerce.number().int().positive().default(10_000)', example: '10000', description: 'Entries kept before the least recently used are evicted' },
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
