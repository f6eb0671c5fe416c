import { randomUUID } from 'node:crypto';
import { and, count, eq, type SQL } from 'drizzle-orm';
import { files, type FileRow } from '../db/files-schema.js';
import type { Db } from '../lib/database.js';
import type { FileKeyset, FileListQuery, FilesRepository, NewStoredFile, StoredFile } from '../types/file.js';
import { AppError } from '../utils/errors.js';
import { keysetAfter, keysetOrder, type KeysetColumn } from './keyset.js';
import { isForeignKeyViolation, withDatabase } from './mysql-errors.js';

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

/**
 * ER_NO_REFERENCED_ROW_2 (errno 1452; ER_NO_REFERENCED_ROW, 1216, on old servers) on the owner: the
 * caller's account was deleted while its credentials still worked.
 */
// Newest first, id as the tie-breaker in the same direction, so one index serves both.
const ORDER: KeysetColumn[] = [
  { column: files.createdAt, direction: 'desc' },
  { column: files.id, direction: 'desc' },
];

const ownedBy = (ownerId: string | undefined): SQL | undefined => (ownerId === undefined ? undefined : eq(files.ownerId, ownerId));

export class DrizzleFilesRepository implements FilesRepository {
  constructor(private readonly db: Db) {}

  async create(file: NewStoredFile): Promise<StoredFile> {
    // MySQL has no INSERT … RETURNING: the row is made complete here (id, creation time) so that what
    // was inserted is what is returned, with no second query. datetime(3) keeps a Date's milliseconds exactly.
    const row: FileRow = {
      id: randomUUID(),
      storageKey: file.storageKey,
      contentType: file.contentType,
      sizeBytes: file.size,
      originalName: file.originalName,
      ownerId: file.ownerId,
      createdAt: new Date(),
    };
    try {
      await withDatabase(() => this.db.insert(files).values(row));
      return toFile(row);
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new AppError('UNAUTHORIZED', 'This account no longer exists');
      throw error;
    }
  }

  async findById(id: string, ownerId?: string): Promise<StoredFile | null> {
    const [row] = await withDatabase(() =>
      this.db
        .select()
        .from(files)
        .where(and(eq(files.id, id), ownedBy(ownerId)))
        .limit(1),
    );
    return row ? toFile(row) : null;
  }

  async delete(id: string, ownerId?: string): Promise<StoredFile | null> {
    // No DELETE … RETURNING either: read the row, then delete it with the same conditions. Of two
    // concurrent deletes only the one whose DELETE removed the row reports it, so the caller that then
    // removes the stored object is exactly one.
    const where = and(eq(files.id, id), ownedBy(ownerId));
    const [row] = await withDatabase(() => this.db.select().from(files).where(where).limit(1));
    if (!row) return null;
    const [result] = await withDatabase(() => this.db.delete(files).where(where));
    return result.affectedRows > 0 ? toFile(row) : null;
  }

  async listAfter(query: FileListQuery, after: FileKeyset | undefined): Promise<StoredFile[]> {
    const seek = after === undefined ? undefined : keysetAfter(ORDER, [new Date(after[0]), after[1]]);
    const rows = await withDatabase(() =>
      this.db
        .select()
        .from(files)
        .where(and(ownedBy(query.ownerId), seek))
        .orderBy(...keysetOrder(ORDER))
        .limit(query.limit),
    );
    return rows.map(toFile);
  }

  async listPage(query: FileListQuery, offset: number): Promise<{ rows: StoredFile[]; total: number }> {
    const where = ownedBy(query.ownerId);
    const [rows, totals] = await withDatabase(() =>
      Promise.all([
        this.db
          .select()
          .from(files)
          .where(where)
          .orderBy(...keysetOrder(ORDER))
          .limit(query.limit)
          .offset(offset),
        this.db.select({ total: count() }).from(files).where(where),
      ]),
    );
    return { rows: rows.map(toFile), total: totals[0]?.total ?? 0 };
  }
}
