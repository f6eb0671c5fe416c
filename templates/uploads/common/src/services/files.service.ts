import { randomUUID } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import type { AppLogger } from '../lib/logger.js';
import type { FileStorage } from '../lib/storage/storage.js';
import { ByteLimit } from '../lib/uploads/byte-limit.js';
import { sanitizeFileName } from '../lib/uploads/content-disposition.js';
import { decideType, SNIFF_BYTES } from '../lib/uploads/file-types.js';
import { multipartError, type UploadedPart } from '../lib/uploads/multipart.js';
import { readHead } from '../lib/uploads/read-head.js';
import type { CursorPagination, OffsetPagination, Page } from '../types/pagination.js';
import type { FileAccess, FileKeyset, FilesRepository, StoredFile } from '../types/file.js';
import type { CursorCodec } from '../utils/cursor.js';
import { AppError, NotFoundError, ServiceUnavailableError, ValidationError } from '../utils/errors.js';

/**
 * Uploads: the bytes go to the storage, the facts about them to the files table. Knows nothing of
 * HTTP: it gets the file part as a stream and the caller's access; nothing is buffered whole.
 *
 * Order of an upload: read the first bytes and decide the type (415 before anything is stored); stream
 * the file into the storage under a random key, counting bytes (413 as soon as the limit is passed:
 * the storage keeps nothing); then insert the row. Whatever fails after the object was stored removes
 * it again. A crash between the two leaves an object no row points to: unreachable, and harmless.
 */

export interface UploadPolicy {
  maxBytes: number;
  allowedTypes: ReadonlySet<string>;
}

export interface ListFilesRequest {
  limit: number;
  /** Offset pagination when set; cursor (keyset) pagination otherwise. */
  page?: number | undefined;
  cursor?: string | undefined;
}

/** Whose files a caller sees: undefined means every file. */
const ownerFilter = (access: FileAccess): string | undefined => (access.seesAll ? undefined : access.ownerId);

export class FilesService {
  constructor(
    private readonly files: FilesRepository,
    private readonly storage: FileStorage,
    private readonly policy: UploadPolicy,
    private readonly cursors: CursorCodec,
    private readonly logger: AppLogger,
  ) {}

  async upload(access: FileAccess, part: UploadedPart): Promise<StoredFile> {
    // An error of the incoming stream (a cut-off or malformed body) is the client's, whoever reports it.
    const sourceError = () => part.stream.errored;
    try {
      const { head, body } = await readHead(part.stream, SNIFF_BYTES);
      const type = decideType(await fileTypeFromBuffer(head), part, this.policy.allowedTypes);
      const storageKey = `${randomUUID()}.${type.ext}`;
      const counter = new ByteLimit(this.policy.maxBytes);
      try {
        // pipeline() forwards an error of either stream to the other, so the storage sees it and keeps nothing.
        await this.storage.put(storageKey, pipeline(body, counter, () => {}), { contentType: type.mime });
      } catch (error) {
        // put() keeps nothing when it fails; removing again covers a storage that half-did it anyway.
        await this.discard(storageKey);
        // Too large (413) or a broken request body (mapped below): the client's doing, not the storage's.
        if (error instanceof AppError || sourceError() !== null) throw error;
        this.logger.error({ err: error }, 'storing an upload failed');
        throw new ServiceUnavailableError('File storage is unavailable');
      }
      try {
        return await this.files.create({
          storageKey,
          contentType: type.mime,
          size: counter.bytes,
          originalName: sanitizeFileName(part.fileName, type.ext),
          ownerId: access.ownerId,
        });
      } catch (error) {
        await this.discard(storageKey);
        throw error;
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      const broken = sourceError();
      if (broken !== null) throw multipartError(broken);
      throw error;
    } finally {
      // Not read to its end (refused early): release it so the multipart parser stops.
      if (!part.stream.readableEnded) part.stream.destroy();
    }
  }

  async get(access: FileAccess, id: string): Promise<StoredFile> {
    // Someone else's file is "not found", like a missing one: ids of other users' files are not confirmed.
    const file = await this.files.findById(id, ownerFilter(access));
    if (!file) throw new NotFoundError('File');
    return file;
  }

  /** The file and its bytes, for a download. */
  async open(access: FileAccess, id: string): Promise<{ file: StoredFile; body: Readable }> {
    const file = await this.get(access, id);
    let body: Readable | null;
    try {
      body = await this.storage.get(file.storageKey);
    } catch (error) {
      this.logger.error({ err: error, fileId: file.id }, 'reading a file from the storage failed');
      throw new ServiceUnavailableError('File storage is unavailable');
    }
    if (body === null) {
      this.logger.error({ fileId: file.id, storageKey: file.storageKey }, 'the stored object of a file is missing');
      throw new NotFoundError('File');
    }
    return { file, body };
  }

  /** Row first: once this returns, the file is gone for every reader, even if removing the object failed. */
  async delete(access: FileAccess, id: string): Promise<void> {
    const file = await this.files.delete(id, ownerFilter(access));
    if (!file) throw new NotFoundError('File');
    await this.discard(file.storageKey);
  }

  list(access: FileAccess, request: ListFilesRequest): Promise<Page<StoredFile>> {
    const query = { ownerId: ownerFilter(access), limit: request.limit };
    return request.page === undefined ? this.listByCursor(query, request.cursor) : this.listByPage(query, request.page);
  }

  private async listByPage(query: { ownerId: string | undefined; limit: number }, page: number): Promise<Page<StoredFile, OffsetPagination>> {
    const { rows, total } = await this.files.listPage(query, (page - 1) * query.limit);
    return { items: rows, pagination: { page, limit: query.limit, total, totalPages: Math.ceil(total / query.limit) } };
  }

  private async listByCursor(
    query: { ownerId: string | undefined; limit: number },
    cursor: string | undefined,
  ): Promise<Page<StoredFile, CursorPagination>> {
    // The cursor is tied to whose files it pages through: it cannot be replayed against another owner's list.
    const fingerprint = JSON.stringify(['files', query.ownerId ?? '*']);
    const after = cursor === undefined ? undefined : this.readCursor(cursor, fingerprint);
    // One extra row tells whether another page exists without a COUNT.
    const rows = await this.files.listAfter({ ...query, limit: query.limit + 1 }, after);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    const hasMore = rows.length > query.limit && last !== undefined;
    const nextCursor = hasMore ? this.cursors.encode({ fingerprint, position: [last.createdAt, last.id] }) : null;
    return { items, pagination: { limit: query.limit, hasMore, nextCursor } };
  }

  private readCursor(token: string, fingerprint: string): FileKeyset {
    const payload = this.cursors.decode(token);
    const [createdAt, id, ...rest] = payload?.position ?? [];
    if (payload === null || payload.fingerprint !== fingerprint || createdAt === undefined || id === undefined || rest.length > 0) {
      throw new ValidationError('Invalid cursor', [{ field: 'cursor', message: 'is malformed, was tampered with, or belongs to another list' }]);
    }
    return [createdAt, id];
  }

  /** Best effort: a failure here leaves an unreachable object behind, which is logged, not fatal. */
  private async discard(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.warn({ err: error, storageKey: key }, 'could not remove a stored object; it is unreachable and can be deleted');
    }
  }
}
