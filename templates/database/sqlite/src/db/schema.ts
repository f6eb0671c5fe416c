import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { USER_ROLES, USER_STATUSES } from '../types/user.js';

/**
 * Typed mirror of the tables created by migrations/ (the SQL files are the source of truth;
 * test/integration/migrations.test.ts fails if the two drift apart). Instants are integer Unix
 * milliseconds (Dates here, exact to the millisecond, so a cursor round-trips), ids lower-case UUID
 * text; both are made here, not by the database.
 */

const at = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const users = sqliteTable(
  'users',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => randomUUID()),
    email: text('email').notNull().unique('users_email_unique'),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull().default('user'),
    status: text('status', { enum: USER_STATUSES }).notNull().default('active'),
    createdAt: at('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
    updatedAt: at('updated_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('users_email_length', sql`length(${t.email}) <= 254`),
    check('users_role_check', sql`${t.role} in ('user', 'admin')`),
    check('users_status_check', sql`${t.status} in ('active', 'suspended')`),
    check('users_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check('users_name_length', sql`length(${t.name}) <= 100`),
    index('users_created_at_id_idx').on(t.createdAt, t.id),
    index('users_updated_at_id_idx').on(t.updatedAt, t.id),
    index('users_name_id_idx').on(t.name, t.id),
    index('users_status_idx').on(t.status),
    index('users_role_idx').on(t.role),
  ],
);

export type UserRow = typeof users.$inferSelect;
