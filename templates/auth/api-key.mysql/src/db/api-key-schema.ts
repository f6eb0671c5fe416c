import { sql } from 'drizzle-orm';
import { check, index, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { at, NOW, users, uuidKey, uuidRef } from './schema.js';

/**
 * Typed mirror of migrations/0002_api_keys (the SQL is the source of truth; the migrations test compares
 * every table). Kept apart from schema.ts so that the users repository never sees a key hash.
 */

export const apiKeys = mysqlTable(
  'api_keys',
  {
    id: uuidKey('id').primaryKey(),
    userId: uuidRef('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    prefix: varchar('prefix', { length: 12 }).notNull(),
    keyHash: varchar('key_hash', { length: 64 }).notNull().unique('api_keys_key_hash_unique'),
    createdAt: at('created_at').notNull().default(NOW),
    lastUsedAt: at('last_used_at'),
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    check('api_keys_key_hash_hex', sql`${t.keyHash} regexp '^[0-9a-f]{64}$'`),
    check('api_keys_prefix_format', sql`${t.prefix} regexp '^sbk_[A-Za-z0-9_-]{8}$'`),
    check('api_keys_name_not_blank', sql`char_length(trim(${t.name})) > 0`),
    check('api_keys_expires_after_created', sql`${t.expiresAt} is null or ${t.expiresAt} > ${t.createdAt}`),
    index('api_keys_created_at_id_idx').on(t.createdAt, t.id),
    index('api_keys_user_id_created_at_id_idx').on(t.userId, t.createdAt, t.id),
  ],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
