import type { Cache, CacheStats } from '../../src/lib/cache/cache.js';

/**
 * A Map-backed Cache for unit tests of services: exercises their cache-aside code whatever adapter
 * the project chose, with no TTLs or eviction to reason about.
 */
export class FakeCache implements Cache {
  readonly kind = 'fake';
  readonly entries = new Map<string, unknown>();
  private readonly counters: CacheStats = { hits: 0, misses: 0 };

  async get<T>(key: string): Promise<T | undefined> {
    const found = this.entries.has(key);
    if (found) this.counters.hits += 1;
    else this.counters.misses += 1;
    return this.entries.get(key) as T | undefined;
  }

  async set<T>(key: string, value: T): Promise<void> {
    this.entries.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async wrap<T>(key: string, loader: () => Promise<T>): Promise<T> {
    const cached = await this.get<T>(key);
    if (cached !== undefined) return cached;
    const value = await loader();
    this.entries.set(key, value);
    return value;
  }

  stats(): CacheStats {
    return { ...this.counters };
  }

  async close(): Promise<void> {}
}
