import { LRUCache } from 'lru-cache';
import type { Cache, CacheStats } from './cache.js';

export interface MemoryCacheOptions {
  maxEntries: number;
  defaultTtlSeconds: number;
  /** Millisecond clock for TTLs; injectable so tests can move time without sleeping. */
  clock?: { now(): number };
}

// lru-cache refuses undefined/null as values, so every value is boxed.
interface Box {
  value: unknown;
}

/**
 * In-process LRU cache with per-entry TTL. Per instance: fine for one process, but every replica
 * holds its own copy, so prefer a shared adapter when running several.
 */
export class MemoryCache implements Cache {
  readonly kind = 'memory';
  private readonly store: LRUCache<string, Box>;
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly counters: CacheStats = { hits: 0, misses: 0 };

  constructor(private readonly options: MemoryCacheOptions) {
    this.store = new LRUCache<string, Box>({
      max: options.maxEntries,
      // Check expiry against the clock on every read instead of a cached "now" (1 ms by default).
      ttlResolution: 0,
      ...(options.clock ? { perf: options.clock } : {}),
    });
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.lookup<T>(key)?.value;
  }

  // Synchronous, so wrap() can check the cache and register its load without yielding in between.
  private lookup<T>(key: string): { value: T } | undefined {
    const box = this.store.get(key);
    if (box === undefined) {
      this.counters.misses += 1;
      return undefined;
    }
    this.counters.hits += 1;
    // Callers read back what they stored under the key; the port documents that contract.
    return { value: box.value as T };
  }

  async set<T>(key: string, value: T, ttlSeconds = this.options.defaultTtlSeconds): Promise<void> {
    this.store.set(key, { value }, { ttl: ttlSeconds * 1000 });
  }

  async delete(key: string): Promise<void> {
    this.store.delete(key);
    // Forget a load in progress: its result may predate the write that caused this delete,
    // and must neither be stored nor handed to callers that arrive after the delete.
    this.inflight.delete(key);
  }

  async wrap<T>(key: string, loader: () => Promise<T>, ttlSeconds?: number): Promise<T> {
    const cached = this.lookup<T>(key);
    if (cached !== undefined) return cached.value;

    const pending = this.inflight.get(key);
    if (pending !== undefined) return pending as Promise<T>;

    const run = async (): Promise<T> => {
      const value = await loader();
      // Only the load that is still current may populate the cache (see delete()).
      if (this.inflight.get(key) === load) await this.set(key, value, ttlSeconds);
      return value;
    };
    const load: Promise<T> = run().finally(() => {
      if (this.inflight.get(key) === load) this.inflight.delete(key);
    });
    this.inflight.set(key, load);
    return load;
  }

  stats(): CacheStats {
    return { ...this.counters };
  }

  async close(): Promise<void> {
    this.store.clear();
    this.inflight.clear();
  }
}
