import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './schema.js';

/**
 * Typed mirror of migrations/0005_files (the SQL is the source of truth; the migrations test compares
 * every table). Sizes are 64-bit integers in SQLite and plain numbers here: exact up to 8 PiB, far above
 * any limit. The id and created_at are made here, not by the database.
 */
export const files = sqliteTable(
  'files',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => randomUUID()),
    storageKey: text('storage_key').notNull().unique('files_storage_key_unique'),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes', { mode: 'number' }).notNull(),
    originalName: text('original_name').notNull(),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    check('files_storage_key_safe', sql`${t.storageKey} glob '[A-Za-z0-9]*' and ${t.storageKey} not glob '*[^A-Za-z0-9._-]*'`),
    check('files_storage_key_length', sql`length(${t.storageKey}) <= 255`),
    check(
      'files_content_type_format',
      sql`${t.contentType} glob '[a-z0-9]*/[a-z0-9]*' and ${t.contentType} not glob '*/*/*' and ${t.contentType} not glob '*[^a-z0-9.+/-]*'`,
    ),
    check('files_content_type_length', sql`length(${t.contentType}) <= 127`),
    check('files_size_not_negative', sql`${t.sizeBytes} >= 0`),
    check('files_original_name_not_blank', sql`length(trim(${t.originalName})) > 0`),
    check('files_original_name_length', sql`length(${t.originalName}) <= 255`),
    index('files_created_at_id_idx').on(t.createdAt, t.id),
    index('files_owner_created_at_id_idx').on(t.ownerId, t.createdAt, t.id),
  ],
);

export type FileRow = typeof files.$inferSelect;
