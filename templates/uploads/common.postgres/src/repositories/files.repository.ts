import { and, count, eq, type SQL } from 'drizzle-orm';
import { files, type FileRow } from '../db/files-schema.js';
import type { Db } from '../lib/database.js';
import type { FileKeyset, FileListQuery, FilesRepository, NewStoredFile, StoredFile } from '../types/file.js';
import { AppError } from '../utils/errors.js';
import { keysetAfter, keysetOrder, type KeysetColumn } from './keyset.js';
import { isForeignKeyViolation, withDatabase } from './pg-errors.js';

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

export class DrizzleFilesRepository implements FilesRepository {
  constructor(private readonly db: Db) {}

  async create(file: NewStoredFile): Promise<StoredFile> {
    try {
      const [row] = await withDatabase(() =>
        this.db
          .insert(files)
          .values({
            storageKey: file.storageKey,
            contentType: file.contentType,
            sizeBytes: file.size,
            originalName: file.originalName,
            ownerId: file.ownerId,
          })
          .returning(),
      );
      if (!row) throw new Error('INSERT … RETURNING returned no row');
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
    const [row] = await withDatabase(() =>
      this.db
        .delete(files)
        .where(and(eq(files.id, id), ownedBy(ownerId)))
        .returning(),
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
