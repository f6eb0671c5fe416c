import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './schema.js';

/**
 * Typed mirror of migrations/0005_files (the SQL is the source of truth; the migrations test compares
 * every table). Sizes are bigint in SQL and plain numbers here: exact up to 8 PiB, far above any limit.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storageKey: varchar('storage_key', { length: 255 }).notNull().unique('files_storage_key_unique'),
    contentType: varchar('content_type', { length: 127 }).notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    originalName: varchar('original_name', { length: 255 }).notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('files_storage_key_safe', sql`${t.storageKey} ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'`),
    check('files_content_type_format', sql`${t.contentType} ~ '^[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*$'`),
    check('files_size_not_negative', sql`${t.sizeBytes} >= 0`),
    check('files_original_name_not_blank', sql`length(btrim(${t.originalName})) > 0`),
    index('files_created_at_id_idx').on(t.createdAt, t.id),
    index('files_owner_created_at_id_idx').on(t.ownerId, t.createdAt, t.id),
  ],
);

export type FileRow = typeof files.$inferSelect;
