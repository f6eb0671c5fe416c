import { sql } from 'drizzle-orm';
import { check, index, int, mysqlTable, text, varchar } from 'drizzle-orm/mysql-core';
import { at, NOW, users, uuidKey, uuidRef } from './schema.js';

/**
 * Typed mirror of migrations/0002_auth, the tables every auth mode has (the SQL is the source of truth;
 * the migrations test compares every table). Kept apart from schema.ts so the users repository never
 * selects a password hash.
 */

/** The auth columns of `users`: the same table as `users` in schema.ts, seen from the auth side. */
export const userCredentials = mysqlTable(
  'users',
  {
    id: uuidRef('id').primaryKey(),
    passwordHash: text('password_hash'),
  },
  (t) => [check('users_password_hash_argon2', sql`${t.passwordHash} is null or ${t.passwordHash} like '$argon2id$%'`)],
);

export const passwordResetTokens = mysqlTable(
  'password_reset_tokens',
  {
    id: uuidKey('id').primaryKey(),
    userId: uuidRef('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique('password_reset_tokens_token_hash_unique'),
    expiresAt: at('expires_at').notNull(),
    createdAt: at('created_at').notNull().default(NOW),
    usedAt: at('used_at'),
  },
  (t) => [
    index('password_reset_tokens_user_id_idx').on(t.userId),
    check('password_reset_tokens_token_hash_hex', sql`${t.tokenHash} regexp '^[0-9a-f]{64}$'`),
  ],
);

export const loginAttempts = mysqlTable(
  'login_attempts',
  {
    email: varchar('email', { length: 254 }).primaryKey(),
    failedCount: int('failed_count').notNull().default(0),
    lastFailedAt: at('last_failed_at').notNull().default(NOW),
    lockedUntil: at('locked_until'),
  },
  (t) => [
    check('login_attempts_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('login_attempts_failed_count_not_neg', sql`${t.failedCount} >= 0`),
  ],
);
