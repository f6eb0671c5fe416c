import { databaseSchema } from '../core/options.js';
import type { FeatureManifest } from './types.js';

/**
 * Every project: per IP anonymous, per user when authenticated; health and docs exempt; a cost per route
 * (ROUTE_COSTS, RATE_LIMIT_COSTS) taken from one budget per caller, in memory or in Redis.
 */
export const rateLimitFeature: FeatureManifest = {
  id: 'rate-limit',
  summary: 'Rate limiting',
  selectedWhen: { always: true },
  requires: ['core'],
  dependencies: ['@fastify/rate-limit'],
  env: [
    { name: 'RATE_LIMIT_MAX', schema: 'int(1, 1_000_000).default(100)', example: '100', description: 'Requests allowed per window per client IP for anonymous callers (authenticated ones get their plan\'s budget,\nwhere auth is on). Over it: 429 RATE_LIMITED.' },
    { name: 'RATE_LIMIT_WINDOW', schema: 'int(1, 24 * 3600).default(60)', example: '60', description: 'Length of the rate-limit window, in seconds.' },
    { name: 'RATE_LIMIT_COSTS', schema: 'routeCostsSchema', example: '', description: 'Routes dearer than one request, as "METHOD /route=cost" pairs separated by commas, e.g.\nPOST /api/v1/files=5,GET /api/v1/users=2 (added to src/config/route-costs.ts). A request takes its\nroute\'s cost from its caller\'s budget; routes not named cost 1. See docs/rate-limits.md.' },
  ],
  templates: ['rate-limit/common'],
  registrations: [{ point: 'plugins', symbol: 'rateLimitPlugin', from: 'src/plugins/rate-limit.ts' }],
};

const withCallers = { option: 'auth', oneOf: ['jwt', 'session', 'api-key'] } as const;

/** Where callers authenticate: a plan per account (users.plan) with its own budget (RATE_LIMIT_PLANS). */
export const rateLimitPlansFeature: FeatureManifest = {
  id: 'rate-limit-plans',
  summary: 'Rate-limit plans (free, pro, enterprise)',
  selectedWhen: withCallers,
  requires: ['core', 'rate-limit'],
  env: [
    { name: 'RATE_LIMIT_PLANS', schema: 'planLimitsSchema', example: 'free=100,pro=1000,enterprise=10000', description: 'Requests per RATE_LIMIT_WINDOW for an authenticated caller on each plan (users.plan; new accounts are free),\ncounted per user (an API key counts against its owner). See docs/rate-limits.md.' },
  ],
  templates: [
    'rate-limit/plans',
    ...databaseSchema.options.map((dialect) => ({
      folder: `rate-limit/plans.${dialect}`,
      when: { allOf: [withCallers, { option: 'database' as const, equals: dialect }] },
    })),
  ],
};
