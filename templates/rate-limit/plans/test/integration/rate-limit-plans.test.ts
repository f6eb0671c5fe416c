import { describe, expect, it } from 'vitest';
import { PLANS, type Plan } from '../../src/lib/rate-limit/config.js';
import { DrizzleUserPlansRepository } from '../../src/repositories/user-plans.repository.js';
import type { User } from '../../src/types/user.js';
import { useTestApp } from '../helpers/app.js';
import { asUser } from '../helpers/auth.js';
import { captureLogs } from '../helpers/log-capture.js';
import { createUser } from '../helpers/users.js';

// Small budgets, one per plan, so each test reaches its plan's count in a few requests.
const LIMITS: Record<Plan, number> = { free: 2, pro: 3, enterprise: 5 };
const env = { RATE_LIMIT_PLANS: PLANS.map((plan) => `${plan}=${LIMITS[plan]}`).join(','), RATE_LIMIT_MAX: '4', RATE_LIMIT_WINDOW: '60' };
const ctx = useTestApp();

async function userOn(plan: Plan | undefined, email: string): Promise<User> {
  const user = await createUser(ctx.admin, { email, name: 'Planned' });
  if (plan !== undefined) await new DrizzleUserPlansRepository(ctx.deps.database.db).setPlan(user.id, plan);
  return user;
}

describe('rate-limit plans', () => {
  for (const plan of PLANS) {
    it(`a ${plan} caller gets ${plan}'s budget: the request at its count succeeds, the next is 429`, async () => {
      const user = await userOn(plan, `${plan}@example.com`);
      const built = await ctx.build({ env });
      const client = asUser(built, user);
      const limit = LIMITS[plan];
      for (let count = 1; count <= limit; count += 1) {
        const response = await client.inject({ url: `/api/v1/users/${user.id}` });
        expect(response.statusCode, `request ${count} of ${limit}`).toBe(200);
        expect(response.headers['x-ratelimit-limit']).toBe(String(limit));
        expect(response.headers['x-ratelimit-remaining']).toBe(String(limit - count));
      }
      const refused = await client.inject({ url: `/api/v1/users/${user.id}` });
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toEqual({ success: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many requests/) } });
      expect(refused.headers['x-ratelimit-limit']).toBe(String(limit));
      expect(refused.headers['x-ratelimit-remaining']).toBe('0');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    });
  }

  it('a new account is on free; anonymous callers keep the per-IP RATE_LIMIT_MAX', async () => {
    const user = await userOn(undefined, 'new@example.com');
    const built = await ctx.build({ env });
    const response = await asUser(built, user).inject({ url: `/api/v1/users/${user.id}` });
    expect(response.headers['x-ratelimit-limit']).toBe(String(LIMITS.free));
    const anonymous = await built.app.inject({ url: `/api/v1/users/${user.id}`, remoteAddress: '10.3.0.1' });
    expect(anonymous.headers['x-ratelimit-limit']).toBe('4');
  });

  it('each user has a budget of its own, whatever its IP', async () => {
    const [a, b] = [await userOn('free', 'a@example.com'), await userOn('free', 'b@example.com')];
    const built = await ctx.build({ env });
    const get = (user: User) => asUser(built, user).inject({ url: `/api/v1/users/${user.id}`, remoteAddress: '10.3.0.2' });
    for (let i = 0; i < LIMITS.free; i += 1) expect((await get(a)).statusCode).toBe(200);
    expect((await get(a)).statusCode).toBe(429);
    expect((await get(b)).statusCode).toBe(200);
  });

  it('logs a warning per refusal with the caller, its plan and the route, for abuse detection', async () => {
    const user = await userOn('pro', 'noisy@example.com');
    const logs = captureLogs('warn');
    const built = await ctx.build({ env, logger: logs.logger });
    const client = asUser(built, user);
    for (let i = 0; i < LIMITS.pro + 2; i += 1) await client.inject({ url: `/api/v1/users/${user.id}` });
    const warnings = logs.records.filter((record) => record.msg === 'rate limit exceeded');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ level: 'warn', rateLimitKey: `user:${user.id}`, plan: 'pro', route: 'GET /api/v1/users/:id', cost: 1 });
  });

  it('a plan read once is remembered: a move to another plan shows within PLAN_CACHE_MS', async () => {
    const user = await userOn('free', 'upgrade@example.com');
    const built = await ctx.build({ env });
    const client = asUser(built, user);
    expect((await client.inject({ url: `/api/v1/users/${user.id}` })).headers['x-ratelimit-limit']).toBe(String(LIMITS.free));
    await new DrizzleUserPlansRepository(ctx.deps.database.db).setPlan(user.id, 'enterprise');
    expect((await client.inject({ url: `/api/v1/users/${user.id}` })).headers['x-ratelimit-limit']).toBe(String(LIMITS.free));
    // A new instance (or the same one after PLAN_CACHE_MS) reads the new plan.
    const fresh = await ctx.build({ env });
    expect((await asUser(fresh, user).inject({ url: `/api/v1/users/${user.id}` })).headers['x-ratelimit-limit']).toBe(String(LIMITS.enterprise));
  });
});
