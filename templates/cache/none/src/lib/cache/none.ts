import type { Cache, CacheStats } from './cache.js';

/**
 * The "no cache" adapter: every read misses and wrap() always runs the loader.
 * Lets services keep their cache-aside code unchanged when caching is turned off.
 */
export class NoneCache implements Cache {
  readonly kind = 'none';
  private misses = 0;

  async get<T>(_key: string): Promise<T | undefined> {
    this.misses += 1;
    return undefined;
  }

  async set<T>(_key: string, _value: T, _ttlSeconds?: number): Promise<void> {}

  async delete(_key: string): Promise<void> {}

  async wrap<T>(_key: string, loader: () => Promise<T>): Promise<T> {
    this.misses += 1;
    return loader();
  }

  stats(): CacheStats {
    return { hits: 0, misses: this.misses };
  }

  async close(): Promise<void> {}
}
