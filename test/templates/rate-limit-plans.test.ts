import { describe, expect, it } from 'vitest';
import { authSchema, databaseSchema } from '../../src/core/options.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

/**
 * Plans and costs in the generated rate limiting: every project prices routes and shares one budget per
 * caller; projects whose callers authenticate also get users.plan (a migration on every database) and
 * RATE_LIMIT_PLANS. The behaviour itself is tested in the generated project (rate-limit-*.test.ts).
 */
describe.each(authSchema.options)('--auth %s', (auth) => {
  const { tree } = generateTree(presetOptions('standard', { auth }));
  const read = (path: string) => tree.readText(path) ?? '';
  const plans = auth !== 'none';

  it('prices routes in every mode, and has plans only where callers authenticate', () => {
    const plugin = read('src/plugins/rate-limit.ts');
    expect(plugin).toContain('store: costStore(counters)');
    expect(plugin.includes('env.RATE_LIMIT_PLANS[plan]')).toBe(plans);
    expect(plugin.includes('max: env.RATE_LIMIT_MAX,')).toBe(!plans);
    expect(plugin).not.toMatch(/\{\{|\}\}/);
    expect(tree.readText('src/lib/rate-limit/cost-store.ts')).toBeDefined();
    expect(tree.readText('src/config/route-costs.ts')).toBeDefined();
    expect(tree.readText('test/integration/rate-limit-costs.test.ts')).toBeDefined();
    expect(tree.readText('src/app/rate-limit-plans.ts') !== undefined).toBe(plans);
    expect(tree.readText('test/integration/rate-limit-plans.test.ts') !== undefined).toBe(plans);
    expect(tree.readText('migrations/0006_user_plans/up.sql') !== undefined).toBe(plans);
  });

  it('validates RATE_LIMIT_PLANS (where there are plans) and RATE_LIMIT_COSTS at start, and documents them', () => {
    const env = read('src/config/env.ts');
    expect(env).toContain('  RATE_LIMIT_COSTS: routeCostsSchema,');
    expect(env.includes('  RATE_LIMIT_PLANS: planLimitsSchema,')).toBe(plans);
    const example = read('.env.example');
    expect(example).toContain('\nRATE_LIMIT_COSTS=\n');
    expect(example.includes('\nRATE_LIMIT_PLANS=free=100,pro=1000,enterprise=10000\n')).toBe(plans);
    // Tests keep plans out of the way, as they do RATE_LIMIT_MAX, unless a test sets small ones.
    expect(read('test/helpers/env.ts').includes("RATE_LIMIT_PLANS: 'free=100000")).toBe(plans);
    const docs = read('docs/rate-limits.md');
    expect(docs).toContain('## Costs');
    expect(docs.includes('## Plans')).toBe(plans);
    expect(read('README.md')).toContain('docs/rate-limits.md');
  });
});

describe.each(databaseSchema.options)('--database %s', (database) => {
  const { tree } = generateTree(presetOptions('standard', { auth: 'jwt', database }));

  it('adds users.plan with its CHECK in the dialect, and mirrors it in the Drizzle schema', () => {
    const up = tree.readText('migrations/0006_user_plans/up.sql') ?? '';
    expect(up).toMatch(/ALTER TABLE users/);
    expect(up).toMatch(/DEFAULT 'free'/);
    expect(up).toContain("CONSTRAINT users_plan_check CHECK (plan IN ('free', 'pro', 'enterprise'))");
    expect(tree.readText('migrations/0006_user_plans/down.sql')).toMatch(/DROP COLUMN/);
    expect(tree.readText('src/db/plan-schema.ts')).toContain("check('users_plan_check'");
    expect(tree.readText('src/repositories/user-plans.repository.ts')).toContain('class DrizzleUserPlansRepository');
  });
});

it('prices uploads in ROUTE_COSTS only with the uploads feature', () => {
  const without = generateTree(presetOptions('standard', {})).tree.readText('src/config/route-costs.ts') ?? '';
  const withUploads = generateTree(presetOptions('standard', { features: ['uploads'] })).tree.readText('src/config/route-costs.ts') ?? '';
  expect(without).not.toContain('/api/v1/files');
  expect(withUploads).toContain("'POST /api/v1/files': 5,");
});
