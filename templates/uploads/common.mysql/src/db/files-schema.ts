import { sql } from 'drizzle-orm';
import { bigint, check, index, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { at, NOW, users, uuidKey, uuidRef } from './schema.js';

/**
 * Typed mirror of migrations/0005_files (the SQL is the source of truth; the migrations test compares
 * every table). Sizes are bigint in SQL and plain numbers here: exact up to 8 PiB, far above any limit.
 * Character sets and collations live only in the SQL (ids and machine names are ascii_bin there).
 */
export const files = mysqlTable(
  'files',
  {
    id: uuidKey('id').primaryKey(),
    storageKey: varchar('storage_key', { length: 255 }).notNull().unique('files_storage_key_unique'),
    contentType: varchar('content_type', { length: 127 }).notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    originalName: varchar('original_name', { length: 255 }).notNull(),
    ownerId: uuidRef('owner_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().default(NOW),
  },
  (t) => [
    check('files_storage_key_safe', sql`${t.storageKey} regexp '^[A-Za-z0-9][A-Za-z0-9._-]*$'`),
    check('files_content_type_format', sql`${t.contentType} regexp '^[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*$'`),
    check('files_size_not_negative', sql`${t.sizeBytes} >= 0`),
    check('files_original_name_not_blank', sql`char_length(trim(${t.originalName})) > 0`),
    index('files_created_at_id_idx').on(t.createdAt, t.id),
    index('files_owner_created_at_id_idx').on(t.ownerId, t.createdAt, t.id),
  ],
);

export type FileRow = typeof files.$inferSelect;
