import { sql } from 'drizzle-orm';
import { check, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { PLANS } from '../lib/rate-limit/config.js';
import { uuidRef } from './schema.js';

/**
 * Typed mirror of migrations/0006_user_plans (the SQL is the source of truth; the migrations test compares
 * every table): the rate-limit plan of each account, `users` seen from the rate limiter's side.
 */
export const userPlans = mysqlTable(
  'users',
  {
    id: uuidRef('id').primaryKey(),
    plan: varchar('plan', { length: 16, enum: PLANS }).notNull().default('free'),
  },
  (t) => [check('users_plan_check', sql`${t.plan} in ('free', 'pro', 'enterprise')`)],
);
