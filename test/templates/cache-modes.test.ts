import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cacheSchema } from '../../src/core/options.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

type Compose = { services: Record<string, { environment?: Record<string, string>; depends_on?: Record<string, unknown> }> };

/** What each `--cache` option puts in the tree; each ships the same seams, so core code compiles with any. */
describe.each(cacheSchema.options)('--cache %s', (cache) => {
  const { tree } = generateTree(presetOptions('standard', { cache }));
  const read = (path: string) => tree.readText(path) ?? '';
  const redis = cache === 'redis';

  it('ships the cache seams, and the Redis adapter only with redis', () => {
    for (const seam of ['src/lib/cache/index.ts', 'src/lib/cache/shared-store.ts', 'test/helpers/cache-env.ts']) expect(tree.readText(seam), seam).toBeDefined();
    expect(tree.readText('src/lib/cache/redis.ts') !== undefined).toBe(redis);
    expect(tree.readText('docs/redis.md') !== undefined).toBe(redis);
    // The LRU is the memory cache, and the redis option's stand-in when REDIS_URL is unset.
    expect(tree.readText('src/lib/cache/memory.ts') !== undefined).toBe(cache !== 'none');
    expect(read('src/lib/cache/shared-store.ts').includes('cache.client')).toBe(redis);
  });

  it('makes REDIS_URL optional in development and required in production, only with redis', () => {
    const env = read('src/config/env.ts');
    const required = /PRODUCTION_REQUIRED = \[([^\]]*)\]/.exec(env)?.[1] ?? 'missing';
    expect(required.trim()).toBe(redis ? "'REDIS_URL'," : '');
    expect(env.includes('  REDIS_URL: optionalUrl(')).toBe(redis);
    expect(read('.env.example').includes('\nREDIS_URL=\n')).toBe(redis);
    const dependencies = (JSON.parse(read('package.json')) as { dependencies: Record<string, string> }).dependencies;
    expect('ioredis' in dependencies).toBe(redis);
    expect('lru-cache' in dependencies).toBe(cache !== 'none');
  });

  it('registers the Redis health check and shutdown hook, and a Redis service for compose and CI', () => {
    expect(read('src/app/health-checks.ts').includes('cacheHealthCheck')).toBe(redis);
    expect(read('src/app/shutdown-hooks.ts').includes('closeCache')).toBe(redis);
    const compose = parse(read('docker-compose.yml')) as Compose;
    expect('redis' in compose.services).toBe(redis);
    expect(compose.services.app?.environment?.['REDIS_URL'] !== undefined).toBe(redis);
    const ci = parse(read('.github/workflows/ci.yml')) as { jobs: Record<string, { services?: Record<string, unknown> }> };
    expect(Object.values(ci.jobs).some((job) => 'redis' in (job.services ?? {}))).toBe(redis);
    expect(read('README.md').includes('docs/redis.md')).toBe(redis);
  });
});
