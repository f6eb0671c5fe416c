import type { Database } from '../lib/database.js';
import type { AppLogger } from '../lib/logger.js';
import type { Plan } from '../lib/rate-limit/config.js';
import { DrizzleUserPlansRepository } from '../repositories/user-plans.repository.js';

/**
 * Which plan an authenticated caller is on, for src/plugins/rate-limit.ts. The plan is account data in
 * users.plan, read here rather than carried by the credential: the same in every auth mode (a JWT, a
 * session and an API key all name a user, and an API key counts against its owner's budget), and an
 * upgrade takes effect within PLAN_CACHE_MS instead of when the caller's access token next expires.
 * Each process remembers a plan that long, so a busy caller costs one indexed read per instance per
 * interval, not one per request.
 */

export const PLAN_CACHE_MS = 30_000;
/** Entries beyond this many (distinct callers within PLAN_CACHE_MS) push out the oldest. */
const MAX_REMEMBERED = 10_000;

export interface PlanLookup {
  planOf(userId: string): Promise<Plan>;
}

/** Where plans are read: users.plan (DrizzleUserPlansRepository); null for an unknown user. */
export interface PlanSource {
  planOf(userId: string): Promise<Plan | null>;
}

export function planLookupFor(database: Pick<Database, 'db'>, logger: AppLogger): PlanLookup {
  return createPlanLookup(new DrizzleUserPlansRepository(database.db), logger);
}

export function createPlanLookup(plans: PlanSource, logger: AppLogger, now: () => number = Date.now): PlanLookup {
  const remembered = new Map<string, { plan: Promise<Plan>; until: number }>();

  const read = async (userId: string): Promise<Plan> => {
    try {
      // A caller without a row (an admin that exists only in a test's token) is on the first plan.
      return (await plans.planOf(userId)) ?? 'free';
    } catch (err) {
      // Forgotten at once, so the next request asks again; meanwhile the caller gets the smallest budget.
      remembered.delete(userId);
      logger.warn({ err, userId }, 'could not read the rate-limit plan: counting the caller as free');
      return 'free';
    }
  };

  return {
    planOf(userId) {
      const known = remembered.get(userId);
      if (known !== undefined && known.until > now()) return known.plan;
      // The promise is remembered, so concurrent first requests of one caller share one read.
      const plan = read(userId);
      remembered.delete(userId);
      remembered.set(userId, { plan, until: now() + PLAN_CACHE_MS });
      if (remembered.size > MAX_REMEMBERED) {
        for (const oldest of remembered.keys()) {
          remembered.delete(oldest);
          break;
        }
      }
      return plan;
    },
  };
}
