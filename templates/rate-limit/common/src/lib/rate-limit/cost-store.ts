import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';

/**
 * A store for @fastify/rate-limit whose requests cost more than one. The plugin's own stores add exactly 1
 * per request (INCR), and give every route that has a `config.rateLimit` of its own a separate counter;
 * here a route's cost is taken from its caller's one budget instead, and only a route with a limit of its
 * own (`config.rateLimit: { max }`, as the auth routes have) keeps a counter apart.
 *
 * A request that does not fit in what is left of the window is refused without using any of it, so a
 * refused expensive request does not also cost the cheap ones that would still fit. Counters are fixed
 * windows that start with their first request, in this process's memory or, shared by every instance, in
 * Redis, where one Lua script reads, checks and adds atomically (two instances never both take the last
 * unit of a budget).
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What one request to this route takes from its caller's rate-limit budget (default 1). */
    rateLimitCost?: number;
  }
}

export interface Consumed {
  /** The count the request brings the window to, refused or not: over `max` means refused. */
  current: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}

/** Where the counters live. */
export interface Counters {
  consume(key: string, cost: number, max: number, windowMs: number): Promise<Consumed>;
}

/** Beyond this many clients in one window, the oldest windows are forgotten first (bounded memory). */
const MAX_MEMORY_KEYS = 100_000;

export class MemoryCounters implements Counters {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  consume(key: string, cost: number, max: number, windowMs: number): Promise<Consumed> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (window === undefined || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      // Re-inserted, so the Map's order is the order in which windows started: the oldest go first.
      this.windows.delete(key);
      this.windows.set(key, window);
      if (this.windows.size > MAX_MEMORY_KEYS) {
        for (const oldest of this.windows.keys()) {
          this.windows.delete(oldest);
          break;
        }
      }
    }
    const ttl = window.endsAt - now;
    if (window.count + cost > max) return Promise.resolve({ current: window.count + cost, ttl });
    window.count += cost;
    return Promise.resolve({ current: window.count, ttl });
  }
}

// KEYS[1] the counter; ARGV: window (ms), cost, max. Returns { count after the request, ms left }.
const CONSUME = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local window = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
if current + cost > tonumber(ARGV[3]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then ttl = window end
  return { current + cost, ttl }
end
current = redis.call('INCRBY', KEYS[1], cost)
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], window)
  ttl = window
end
return { current, ttl }
`;

/** What this store needs of an ioredis client (only projects with --cache redis have ioredis at all). */
export interface ScriptingRedis {
  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void;
}

type CostRedis = ScriptingRedis & {
  rateLimitConsume(key: string, windowMs: number, cost: number, max: number): Promise<[number, number]>;
};

export class RedisCounters implements Counters {
  private readonly redis: CostRedis;

  constructor(
    redis: ScriptingRedis,
    private readonly nameSpace: string,
  ) {
    // defineCommand sends the script by its SHA1 (EVALSHA), and the whole script only when Redis lacks it.
    if (!('rateLimitConsume' in redis)) redis.defineCommand('rateLimitConsume', { numberOfKeys: 1, lua: CONSUME });
    this.redis = redis as CostRedis;
  }

  async consume(key: string, cost: number, max: number, windowMs: number): Promise<Consumed> {
    const [current, ttl] = await this.redis.rateLimitConsume(`${this.nameSpace}${key}`, windowMs, cost, max);
    return { current, ttl };
  }
}

/** What @fastify/rate-limit hands `child`: its merged options for the route, with the route itself. */
interface ChildOptions {
  routeInfo: { method: string | string[]; url: string; config?: { rateLimit?: unknown; rateLimitCost?: number } };
}

/** True when the route's own rate-limit options set a limit or a window: it then has a counter apart. */
function hasOwnBudget(rateLimit: unknown): boolean {
  return typeof rateLimit === 'object' && rateLimit !== null && ('max' in rateLimit || 'timeWindow' in rateLimit);
}

class CostStore implements FastifyRateLimitStore {
  constructor(
    private readonly counters: Counters,
    private readonly cost: number,
    private readonly scope: string,
  ) {}

  incr(key: string, callback: (error: Error | null, result?: Consumed) => void, timeWindow: number, max: number): void {
    this.counters.consume(`${this.scope}${key}`, this.cost, max, timeWindow).then(
      (result) => callback(null, result),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    // The plugin passes its merged options, not the route's (index.js: store.child(mergedRateLimitParams)).
    const { routeInfo } = routeOptions as unknown as ChildOptions;
    const cost = routeInfo.config?.rateLimitCost ?? 1;
    const method = Array.isArray(routeInfo.method) ? routeInfo.method.join(',') : routeInfo.method;
    const scope = hasOwnBudget(routeInfo.config?.rateLimit) ? `${method}${routeInfo.url}-` : this.scope;
    return new CostStore(this.counters, cost, scope);
  }
}

/** The `store` option of @fastify/rate-limit, counting in `counters`. */
export function costStore(counters: Counters): FastifyRateLimitStoreCtor {
  return class extends CostStore {
    constructor() {
      super(counters, 1, '');
    }
  };
}
