import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './schema.js';

/**
 * Typed mirror of migrations/0002_auth, the tables every auth mode has (the SQL is the source of truth;
 * the migrations test compares every table). Kept apart from schema.ts so the users repository never
 * selects a password hash.
 */

const at = (name: string) => integer(name, { mode: 'timestamp_ms' });

/** The auth columns of `users`: the same table as `users` in schema.ts, seen from the auth side. */
export const userCredentials = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    passwordHash: text('password_hash'),
  },
  (t) => [check('users_password_hash_argon2', sql`${t.passwordHash} is null or ${t.passwordHash} glob '$argon2id$*'`)],
);

export const passwordResetTokens = sqliteTable(
  'password_reset_tokens',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => randomUUID()),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique('password_reset_tokens_token_hash_unique'),
    expiresAt: at('expires_at').notNull(),
    createdAt: at('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
    usedAt: at('used_at'),
  },
  (t) => [
    index('password_reset_tokens_user_id_idx').on(t.userId),
    check('password_reset_tokens_token_hash_hex', sql`length(${t.tokenHash}) = 64 and ${t.tokenHash} not glob '*[^0-9a-f]*'`),
  ],
);

export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    email: text('email').primaryKey(),
    failedCount: integer('failed_count').notNull().default(0),
    lastFailedAt: at('last_failed_at')
      .notNull()
      .$defaultFn(() => new Date()),
    lockedUntil: at('locked_until'),
  },
  (t) => [
    check('login_attempts_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('login_attempts_email_length', sql`length(${t.email}) <= 254`),
    check('login_attempts_failed_count_not_neg', sql`${t.failedCount} >= 0`),
  ],
);
