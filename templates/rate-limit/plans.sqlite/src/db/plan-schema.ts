import { sql } from 'drizzle-orm';
import { check, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { PLANS } from '../lib/rate-limit/config.js';

/**
 * Typed mirror of migrations/0006_user_plans (the SQL is the source of truth; the migrations test compares
 * every table): the rate-limit plan of each account, `users` seen from the rate limiter's side.
 */
export const userPlans = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    plan: text('plan', { enum: PLANS }).notNull().default('free'),
  },
  (t) => [check('users_plan_check', sql`${t.plan} in ('free', 'pro', 'enterprise')`)],
);
