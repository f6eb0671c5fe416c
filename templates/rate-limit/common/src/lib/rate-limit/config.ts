import { z } from 'zod';

/**
 * What rate limiting reads from the environment beyond RATE_LIMIT_MAX / RATE_LIMIT_WINDOW: the budget of
 * each plan (RATE_LIMIT_PLANS) and the cost of routes that are dearer than one request (RATE_LIMIT_COSTS).
 * Both are compact strings, parsed here so that src/config/env.ts refuses a bad value at start, naming it.
 */

/** The plans a caller can be on; a new account is on the first. Stored in users.plan (where auth is on). */
export const PLANS = ['free', 'pro', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

export type PlanLimits = Readonly<Record<Plan, number>>;

export const DEFAULT_PLAN_LIMITS = 'free=100,pro=1000,enterprise=10000';

const MAX_REQUESTS = 1_000_000;
/** A cost above this would be a typo: no request is worth more than a thousand cheap ones. */
const MAX_COST = 1000;
const METHODS = 'GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS';
const ROUTE_KEY = new RegExp(`^(?:${METHODS}) /\\S*$`);

/** `name=value` pairs separated by commas; the value is everything after the last `=`. */
function pairs(value: string): { name: string; value: string }[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const at = part.lastIndexOf('=');
      return at < 0 ? { name: part, value: '' } : { name: part.slice(0, at).trim(), value: part.slice(at + 1).trim() };
    });
}

const wholeNumber = (text: string, max: number): number | undefined => {
  if (!/^\d+$/.test(text)) return undefined;
  const number = Number(text);
  return number >= 1 && number <= max ? number : undefined;
};

const isPlan = (name: string): name is Plan => (PLANS as readonly string[]).includes(name);

/** `free=100,pro=1000,enterprise=10000`: requests per RATE_LIMIT_WINDOW for each plan, every plan once. */
export const planLimitsSchema = z
  .string()
  .default(DEFAULT_PLAN_LIMITS)
  .transform((text, ctx): PlanLimits => {
    const limits: Partial<Record<Plan, number>> = {};
    const named = new Set<string>();
    for (const { name, value } of pairs(text)) {
      const requests = wholeNumber(value, MAX_REQUESTS);
      if (!isPlan(name)) ctx.addIssue({ code: 'custom', message: `unknown plan "${name}": the plans are ${PLANS.join(', ')}` });
      else if (named.has(name)) ctx.addIssue({ code: 'custom', message: `plan "${name}" is given twice` });
      else if (requests === undefined) ctx.addIssue({ code: 'custom', message: `plan "${name}" needs a whole number of requests from 1 to ${MAX_REQUESTS}, e.g. ${name}=100` });
      else limits[name] = requests;
      named.add(name);
    }
    const missing = PLANS.filter((plan) => !named.has(plan));
    if (missing.length > 0) ctx.addIssue({ code: 'custom', message: `missing plan ${missing.join(', ')} (expected e.g. ${DEFAULT_PLAN_LIMITS})` });
    return { free: limits.free ?? 0, pro: limits.pro ?? 0, enterprise: limits.enterprise ?? 0 };
  });

export type RouteCosts = ReadonlyMap<string, number>;

/**
 * `POST /api/v1/files=5,GET /api/v1/users=2`: what a request to a route takes from its caller's budget,
 * keyed by method and route template (as registered, e.g. /api/v1/users/:id). Routes not named cost 1.
 */
export const routeCostsSchema = z
  .string()
  .default('')
  .transform((text, ctx): RouteCosts => {
    const costs = new Map<string, number>();
    for (const { name, value } of pairs(text)) {
      const key = name.replace(/\s+/, ' ');
      const cost = wholeNumber(value, MAX_COST);
      if (!ROUTE_KEY.test(key)) ctx.addIssue({ code: 'custom', message: `"${name}" is not "METHOD /route", e.g. POST /api/v1/files=5` });
      else if (costs.has(key)) ctx.addIssue({ code: 'custom', message: `"${key}" is given twice` });
      else if (cost === undefined) ctx.addIssue({ code: 'custom', message: `"${key}" needs a whole-number cost from 1 to ${MAX_COST}` });
      else costs.set(key, cost);
    }
    return costs;
  });
