import { sql } from 'drizzle-orm';
import { check, index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { USER_ROLES, USER_STATUSES } from '../types/user.js';

/**
 * Typed mirror of the tables created by migrations/ (the SQL files are the source of truth;
 * test/integration/migrations.test.ts fails if the two drift apart).
 * Timestamps have millisecond precision so a JavaScript Date (and a cursor) round-trips exactly.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: varchar('email', { length: 254 }).notNull().unique('users_email_unique'),
    name: varchar('name', { length: 100 }).notNull(),
    role: varchar('role', { length: 16, enum: USER_ROLES }).notNull().default('user'),
    status: varchar('status', { length: 16, enum: USER_STATUSES }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('users_role_check', sql`${t.role} in ('user', 'admin')`),
    check('users_status_check', sql`${t.status} in ('active', 'suspended')`),
    check('users_name_not_blank', sql`length(btrim(${t.name})) > 0`),
    index('users_created_at_id_idx').on(t.createdAt, t.id),
    index('users_updated_at_id_idx').on(t.updatedAt, t.id),
    index('users_name_id_idx').on(t.name, t.id),
    index('users_status_idx').on(t.status),
    index('users_role_idx').on(t.role),
  ],
);

export type UserRow = typeof users.$inferSelect;
