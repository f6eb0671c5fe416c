import { and, count, eq, type SQL } from 'drizzle-orm';
import { files, type FileRow } from '../db/files-schema.js';
import type { Db } from '../lib/database.js';
import type { FileKeyset, FileListQuery, FilesRepository, NewStoredFile, StoredFile } from '../types/file.js';
import { AppError } from '../utils/errors.js';
import { keysetAfter, keysetOrder, type KeysetColumn } from './keyset.js';
import { isForeignKeyViolation, withDatabase } from './sqlite-errors.js';

function toFile(row: FileRow): StoredFile {
  return {
    id: row.id,
    storageKey: row.storageKey,
    contentType: row.contentType,
    size: row.sizeBytes,
    originalName: row.originalName,
    ownerId: row.ownerId,
    createdAt: row.createdAt.toISOString(),
  };
}

// Newest first, id as the tie-breaker in the same direction, so one index serves both.
const ORDER: KeysetColumn[] = [
  { column: files.createdAt, direction: 'desc' },
  { column: files.id, direction: 'desc' },
];

const ownedBy = (ownerId: string | undefined): SQL | undefined => (ownerId === undefined ? undefined : eq(files.ownerId, ownerId));

/**
 * better-sqlite3 runs each statement synchronously on the one connection, so a statement ends before
 * another request's starts; RETURNING gives the row as stored.
 */
export class DrizzleFilesRepository implements FilesRepository {
  constructor(private readonly db: Db) {}

  async create(file: NewStoredFile): Promise<StoredFile> {
    try {
      const row = await withDatabase(() =>
        this.db
          .insert(files)
          .values({
            storageKey: file.storageKey,
            contentType: file.contentType,
            sizeBytes: file.size,
            originalName: file.originalName,
            ownerId: file.ownerId,
            createdAt: new Date(),
          })
          .returning()
          .get(),
      );
      return toFile(row);
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new AppError('UNAUTHORIZED', 'This account no longer exists');
      throw error;
    }
  }

  async findById(id: string, ownerId?: string): Promise<StoredFile | null> {
    const row = await withDatabase(() =>
      this.db
        .select()
        .from(files)
        .where(and(eq(files.id, id), ownedBy(ownerId)))
        .get(),
    );
    return row ? toFile(row) : null;
  }

  async delete(id: string, ownerId?: string): Promise<StoredFile | null> {
    const row = await withDatabase(() =>
      this.db
        .delete(files)
        .where(and(eq(files.id, id), ownedBy(ownerId)))
        .returning()
        .get(),
    );
    return row ? toFile(row) : null;
  }

  async listAfter(query: FileListQuery, after: FileKeyset | undefined): Promise<StoredFile[]> {
    const seek = after === undefined ? undefined : keysetAfter(ORDER, [new Date(after[0]), after[1]]);
    const rows = await withDatabase(() =>
      this.db
        .select()
        .from(files)
        .where(and(ownedBy(query.ownerId), seek))
        .orderBy(...keysetOrder(ORDER))
        .limit(query.limit)
        .all(),
    );
    return rows.map(toFile);
  }

  async listPage(query: FileListQuery, offset: number): Promise<{ rows: StoredFile[]; total: number }> {
    const where = ownedBy(query.ownerId);
    // One read transaction: the page and the total come from the same snapshot.
    const { rows, total } = await withDatabase(() =>
      this.db.transaction((tx) => ({
        rows: tx
          .select()
          .from(files)
          .where(where)
          .orderBy(...keysetOrder(ORDER))
          .limit(query.limit)
          .offset(offset)
          .all(),
        total: tx.select({ total: count() }).from(files).where(where).get()?.total ?? 0,
      })),
    );
    return { rows: rows.map(toFile), total };
  }
}
