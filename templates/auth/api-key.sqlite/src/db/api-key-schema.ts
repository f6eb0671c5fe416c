import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './schema.js';

/**
 * Typed mirror of migrations/0002_api_keys (the SQL is the source of truth; the migrations test compares
 * every table). Kept apart from schema.ts so that the users repository never sees a key hash.
 */

const at = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => randomUUID()),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique('api_keys_key_hash_unique'),
    createdAt: at('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
    lastUsedAt: at('last_used_at'),
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    check('api_keys_key_hash_hex', sql`length(${t.keyHash}) = 64 and ${t.keyHash} not glob '*[^0-9a-f]*'`),
    check(
      'api_keys_prefix_format',
      sql`length(${t.prefix}) = 12 and ${t.prefix} glob 'sbk_*' and substr(${t.prefix}, 5) not glob '*[^A-Za-z0-9_-]*'`,
    ),
    check('api_keys_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check('api_keys_name_length', sql`length(${t.name}) <= 100`),
    check('api_keys_expires_after_created', sql`${t.expiresAt} is null or ${t.expiresAt} > ${t.createdAt}`),
    index('api_keys_created_at_id_idx').on(t.createdAt, t.id),
    index('api_keys_user_id_created_at_id_idx').on(t.userId, t.createdAt, t.id),
  ],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
