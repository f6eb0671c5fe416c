import { sql } from 'drizzle-orm';
import { check, index, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { at, NOW, users, uuidKey, uuidRef } from './schema.js';

/** Typed mirror of migrations/0003_refresh_tokens (--auth jwt; the SQL is the source of truth). */

export const refreshTokens = mysqlTable(
  'refresh_tokens',
  {
    id: uuidKey('id').primaryKey(),
    userId: uuidRef('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuidRef('family_id').notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique('refresh_tokens_token_hash_unique'),
    expiresAt: at('expires_at').notNull(),
    createdAt: at('created_at').notNull().default(NOW),
    usedAt: at('used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    index('refresh_tokens_user_id_idx').on(t.userId),
    index('refresh_tokens_family_id_idx').on(t.familyId),
    check('refresh_tokens_token_hash_hex', sql`${t.tokenHash} regexp '^[0-9a-f]{64}$'`),
  ],
);
