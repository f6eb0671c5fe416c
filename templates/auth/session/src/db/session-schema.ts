import { sql } from 'drizzle-orm';
import { check, index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { USER_ROLES } from '../types/user.js';

/**
 * Typed mirror of migrations/0003_sessions (--auth session; the SQL is the source of truth, and also
 * holds the triggers that end a user's sessions when the user is deleted or its role or status changes).
 */

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    userId: uuid('user_id').notNull(),
    role: varchar('role', { length: 16, enum: USER_ROLES }).notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    absoluteExpiresAt: at('absolute_expires_at').notNull(),
  },
  (t) => [
    check('sessions_token_hash_hex', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    check('sessions_role_check', sql`${t.role} in ('user', 'admin')`),
    check('sessions_expiry_order', sql`${t.expiresAt} <= ${t.absoluteExpiresAt}`),
    index('sessions_user_id_idx').on(t.userId),
    index('sessions_expires_at_idx').on(t.expiresAt),
  ],
);

export type SessionRow = typeof sessions.$inferSelect;
