import type { AppLogger } from '../logger.js';
import type { Cache, CacheStats } from './cache.js';
import type { RedisClient } from './redis-client.js';
import { ThrottledWarning } from './throttled-warning.js';

/** Invalidations missed during an outage, replayed on reconnect; beyond this many, the TTL bounds staleness. */
const MAX_MISSED_INVALIDATIONS = 10_000;

export interface RedisCacheOptions {
  /** A client made by createRedisClient: it must fail fast when disconnected (see REDIS_CLIENT_OPTIONS). */
  client: RedisClient;
  /** Namespace of every key this app writes: `<prefix>:cache:<key>` (and `<prefix>:rate-limit:…`). */
  prefix: string;
  defaultTtlSeconds: number;
  logger: AppLogger;
  /** How often a lasting failure is logged again (the first one always is, at once). */
  warnIntervalMs?: number;
}

/**
 * Cache shared by every instance, in Redis. Values are stored as JSON with a TTL. Redis is never needed
 * for correctness: any failure (down, hung, a bad entry) is logged, throttled, and handled as a miss or a
 * no-op, so the request is served from the database. Single flight (wrap) is per process, which still
 * bounds a stampede to one database read per instance.
 */
export class RedisCache implements Cache {
  readonly kind = 'redis';
  readonly client: RedisClient;
  readonly prefix: string;
  private readonly defaultTtlSeconds: number;
  private readonly logger: AppLogger;
  private readonly failures: ThrottledWarning;
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly counters: CacheStats = { hits: 0, misses: 0 };
  /**
   * Keys whose delete Redis did not receive (it was down). Redis may still hold their old entries when it
   * comes back, so they are read as misses until the deletes are replayed on reconnection.
   */
  private readonly missedInvalidations = new Set<string>();
  private failing = false;
  private closing: Promise<void> | undefined;

  constructor(options: RedisCacheOptions) {
    this.client = options.client;
    this.prefix = options.prefix;
    this.defaultTtlSeconds = options.defaultTtlSeconds;
    this.logger = options.logger.child({ component: 'cache' });
    this.failures = new ThrottledWarning(this.logger, options.warnIntervalMs ?? 60_000);
    // ioredis emits one 'error' per failed (re)connection attempt, and prints any that nobody listens to.
    this.client.on('error', (err: unknown) => this.fail('connect', err));
    this.client.on('ready', () => {
      void this.replayMissedInvalidations();
      if (!this.failing) return;
      this.failing = false;
      this.failures.reset();
      this.logger.info('redis is reachable again: caching and shared rate limits resume');
    });
  }

  /** The Redis key that holds `key`. */
  keyFor(key: string): string {
    return `${this.prefix}:cache:${key}`;
  }

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.read<T>(key))?.value;
  }

  // Boxed, so that a cached null or 0 is told apart from a miss.
  private async read<T>(key: string): Promise<{ value: T } | undefined> {
    if (this.missedInvalidations.has(key)) {
      this.counters.misses += 1;
      return undefined;
    }
    let text: string | null;
    try {
      text = await this.client.get(this.keyFor(key));
    } catch (err) {
      this.fail('get', err);
      text = null;
    }
    if (text !== null) {
      try {
        // What was stored under the key is read back as its type; the port documents that contract.
        const value = JSON.parse(text) as T;
        this.counters.hits += 1;
        return { value };
      } catch (err) {
        // Not our JSON (another writer under the same prefix?): treat as absent; the next set repairs it.
        this.fail('parse', err);
      }
    }
    this.counters.misses += 1;
    return undefined;
  }

  async set<T>(key: string, value: T, ttlSeconds = this.defaultTtlSeconds): Promise<void> {
    try {
      // undefined has no JSON form, and reads back as a miss anyway: store nothing.
      if (value === undefined) {
        await this.client.del(this.keyFor(key));
        return;
      }
      const ttlMs = Math.max(1, Math.round(ttlSeconds * 1000));
      await this.client.set(this.keyFor(key), JSON.stringify(value), 'PX', ttlMs);
      // The fresh value replaced whatever the missed delete should have removed.
      this.missedInvalidations.delete(key);
    } catch (err) {
      this.fail('set', err);
    }
  }

  async delete(key: string): Promise<void> {
    // Forget a load in progress first: its result may predate the write that caused this delete.
    this.inflight.delete(key);
    try {
      await this.client.del(this.keyFor(key));
      this.missedInvalidations.delete(key);
    } catch (err) {
      // Replayed on reconnection; past the cap, the entry (if Redis still holds one) lives until its TTL.
      if (this.missedInvalidations.size < MAX_MISSED_INVALIDATIONS) this.missedInvalidations.add(key);
      this.fail('delete', err);
    }
  }

  /** Sends the deletes Redis missed while it was away, so no instance reads an entry invalidated meanwhile. */
  private async replayMissedInvalidations(): Promise<void> {
    const keys = [...this.missedInvalidations];
    if (keys.length === 0) return;
    try {
      await this.client.del(...keys.map((key) => this.keyFor(key)));
      for (const key of keys) this.missedInvalidations.delete(key);
      this.logger.info({ keys: keys.length }, 'replayed cache invalidations missed during the outage');
    } catch (err) {
      this.fail('delete', err);
    }
  }

  async wrap<T>(key: string, loader: () => Promise<T>, ttlSeconds?: number): Promise<T> {
    // Callers of a key share one cache read and one loader run, registered before anything is awaited.
    const pending = this.inflight.get(key);
    if (pending !== undefined) return pending as Promise<T>;

    const run = async (): Promise<T> => {
      const cached = await this.read<T>(key);
      if (cached !== undefined) return cached.value;
      const value = await loader();
      // Only the load that is still current may populate the cache (see delete()). Not awaited: the caller
      // has its value, and a later read on this connection is sent after the SET, so it sees it.
      if (this.inflight.get(key) === load) void this.set(key, value, ttlSeconds);
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

  /** Round trip to Redis, for the readiness probe; rejects at once while disconnected. */
  async ping(): Promise<void> {
    await this.client.ping();
  }

  /** QUITs when connected, so commands already sent (a SET from wrap) complete; idempotent. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.inflight.clear();
    if (this.client.status === 'ready') {
      try {
        await this.client.quit();
        return;
      } catch {
        // Hung or lost meanwhile: drop the connection below.
      }
    }
    // Not connected: QUIT cannot be sent (no offline queue). This stops the reconnection attempts too.
    this.client.disconnect();
  }

  private fail(operation: string, err: unknown): void {
    this.failing = true;
    this.failures.warn({ err, operation }, 'redis cache unavailable: serving from the database (rate limits are not enforced meanwhile)');
  }
}
