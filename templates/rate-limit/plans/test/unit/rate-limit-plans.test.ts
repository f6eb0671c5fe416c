import { describe, expect, it } from 'vitest';
import { createPlanLookup, PLAN_CACHE_MS, type PlanSource } from '../../src/app/rate-limit-plans.js';
import { createLogger } from '../../src/lib/logger.js';
import { envIssues } from '../helpers/env.js';

describe('RATE_LIMIT_PLANS', () => {
  it('defaults to the budgets of the cheatsheet and reads every plan', () => {
    const plansIssues = (source: Record<string, string>) => envIssues(source).filter((issue) => issue.variable === 'RATE_LIMIT_PLANS');
    expect(plansIssues({})).toEqual([]);
    expect(plansIssues({ RATE_LIMIT_PLANS: ' free=1 , pro=20,enterprise=1000000' })).toEqual([]);
  });

  it.each([
    ['free=100,pro=1000', /missing plan enterprise/],
    ['free=100,pro=1000,enterprise=10000,gold=5', /unknown plan "gold"/],
    ['free=100,free=5,pro=1000,enterprise=10000', /"free" is given twice/],
    ['free=0,pro=1000,enterprise=10000', /whole number of requests/],
    ['free=lots,pro=1000,enterprise=10000', /whole number of requests/],
    ['free=100;pro=1000;enterprise=10000', /unknown plan/],
  ])('refuses %s at start, naming the variable', (value, message) => {
    const issues = envIssues({ RATE_LIMIT_PLANS: value });
    expect(issues.map((issue) => issue.variable)).toContain('RATE_LIMIT_PLANS');
    expect(issues.map((issue) => issue.message).join('\n')).toMatch(message);
  });
});

describe('createPlanLookup', () => {
  const logger = createLogger({ LOG_LEVEL: 'silent' });

  it('reads a plan once per PLAN_CACHE_MS, shares one read between concurrent requests, and calls unknown users free', async () => {
    let now = 1_000;
    const calls: string[] = [];
    const source: PlanSource = {
      planOf: async (id) => {
        calls.push(id);
        return id === 'u1' ? 'pro' : null;
      },
    };
    const lookup = createPlanLookup(source, logger, () => now);
    expect(await Promise.all([lookup.planOf('u1'), lookup.planOf('u1')])).toEqual(['pro', 'pro']);
    expect(await lookup.planOf('nobody')).toBe('free');
    now += PLAN_CACHE_MS - 1;
    await lookup.planOf('u1');
    expect(calls).toEqual(['u1', 'nobody']);
    now += 1;
    await lookup.planOf('u1');
    expect(calls).toEqual(['u1', 'nobody', 'u1']);
  });

  it('counts the caller as free while the plan cannot be read, and asks again on the next request', async () => {
    let failing = true;
    const source: PlanSource = {
      planOf: async () => {
        if (failing) throw new Error('database down');
        return 'enterprise';
      },
    };
    const lookup = createPlanLookup(source, logger);
    expect(await lookup.planOf('u1')).toBe('free');
    failing = false;
    expect(await lookup.planOf('u1')).toBe('enterprise');
  });
});
