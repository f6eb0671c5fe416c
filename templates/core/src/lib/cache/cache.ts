/**
 * The Cache port. Services depend on this interface only, so the adapter (memory, none, or a
 * shared one such as Redis) is chosen in src/lib/cache/index.ts without touching business code.
 * Values must be JSON-compatible so that every adapter, including out-of-process ones, can hold them.
 */

export interface CacheStats {
  hits: number;
  misses: number;
}

export interface Cache {
  readonly kind: string;
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Cache-aside in one call: return the cached value, or run `loader` once, store and return its result.
   * Concurrent calls for the same key share one loader run (single flight), so a burst of misses
   * cannot stampede the database. A loader that throws caches nothing.
   */
  wrap<T>(key: string, loader: () => Promise<T>, ttlSeconds?: number): Promise<T>;
  stats(): CacheStats;
  close(): Promise<void>;
}
