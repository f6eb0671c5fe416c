import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from '../../src/lib/storage/local-disk.js';
import { FilesService } from '../../src/services/files.service.js';
import type { FileKeyset, FileListQuery, FilesRepository, NewStoredFile, StoredFile } from '../../src/types/file.js';
import { createCursorCodec } from '../../src/utils/cursor.js';
import { SAMPLE_FILES } from '../helpers/sample-files.js';
import { captureLogs } from '../helpers/log-capture.js';

// What happens when the storage or the database fails in the middle of an upload, a download or a
// delete: real local storage (which a test can make fail) and a files table in memory.

class MemoryFilesRepository implements FilesRepository {
  readonly rows = new Map<string, StoredFile>();
  failCreate: Error | null = null;

  async create(file: NewStoredFile): Promise<StoredFile> {
    if (this.failCreate) throw this.failCreate;
    const row = { ...file, id: randomUUID(), createdAt: new Date().toISOString() };
    this.rows.set(row.id, row);
    return row;
  }

  async findById(id: string, ownerId?: string): Promise<StoredFile | null> {
    const row = this.rows.get(id);
    return row && (ownerId === undefined || row.ownerId === ownerId) ? row : null;
  }

  async delete(id: string, ownerId?: string): Promise<StoredFile | null> {
    const row = await this.findById(id, ownerId);
    if (row) this.rows.delete(id);
    return row;
  }

  async listAfter(query: FileListQuery, _after: FileKeyset | undefined): Promise<StoredFile[]> {
    return [...this.rows.values()].slice(0, query.limit);
  }

  async listPage(query: FileListQuery, offset: number): Promise<{ rows: StoredFile[]; total: number }> {
    const rows = [...this.rows.values()];
    return { rows: rows.slice(offset, offset + query.limit), total: rows.length };
  }
}

/** Local storage that fails on demand. */
class FlakyStorage extends LocalDiskStorage {
  failPut: Error | null = null;
  failDelete: Error | null = null;

  override async put(key: string, body: Readable): Promise<void> {
    if (this.failPut) {
      body.destroy();
      throw this.failPut;
    }
    return super.put(key, body);
  }

  override async delete(key: string): Promise<void> {
    if (this.failDelete) throw this.failDelete;
    return super.delete(key);
  }
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'files-service-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setUp() {
  const { lines, logger } = captureLogs('warn');
  const storage = new FlakyStorage(join(dir, randomUUID()));
  const repository = new MemoryFilesRepository();
  const policy = { maxBytes: 1024 * 1024, allowedTypes: new Set(['image/png']) };
  const service = new FilesService(repository, storage, policy, createCursorCodec('x'.repeat(32)), logger);
  const stored = async () => readdir(storage.dir).catch(() => []);
  return { service, storage, repository, lines, stored };
}

const everyone = { seesAll: true, ownerId: null } as const;
const png = () => ({ stream: Readable.from([SAMPLE_FILES.png]), fileName: 'a.png', declaredType: 'image/png' });

describe('FilesService when a dependency fails', () => {
  it('removes the stored object again when its row cannot be written', async () => {
    const { service, repository, stored } = setUp();
    const failure = new Error('database went away');
    repository.failCreate = failure;
    await expect(service.upload(everyone, png())).rejects.toBe(failure);
    expect(await stored()).toEqual([]);
  });

  it('answers 503 when the storage fails, logs why, and keeps nothing', async () => {
    const { service, storage, repository, lines, stored } = setUp();
    storage.failPut = new Error('connect ECONNREFUSED');
    await expect(service.upload(everyone, png())).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', statusCode: 503 });
    expect(repository.rows.size).toBe(0);
    expect(await stored()).toEqual([]);
    expect(lines.join('\n')).toContain('ECONNREFUSED');
  });

  it('a delete removes the row even when removing the object fails, and logs the object left behind', async () => {
    const { service, storage, repository, lines } = setUp();
    const file = await service.upload(everyone, png());
    storage.failDelete = new Error('storage is read-only');
    await service.delete(everyone, file.id);
    expect(repository.rows.size).toBe(0);
    expect(lines.join('\n')).toContain(file.storageKey);
  });

  it('a row whose object is gone answers 404 and is logged', async () => {
    const { service, storage, lines } = setUp();
    const file = await service.upload(everyone, png());
    await storage.delete(file.storageKey);
    await expect(service.open(everyone, file.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(lines.join('\n')).toContain('the stored object of a file is missing');
  });

  it('a user reaches only its own files; an admin (or no authentication) every file', async () => {
    const { service } = setUp();
    const mine = await service.upload({ seesAll: false, ownerId: 'user-1' }, png());
    await expect(service.get({ seesAll: false, ownerId: 'user-2' }, mine.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.get({ seesAll: false, ownerId: 'user-1' }, mine.id)).resolves.toMatchObject({ ownerId: 'user-1' });
    await expect(service.get({ seesAll: true, ownerId: 'admin' }, mine.id)).resolves.toMatchObject({ id: mine.id });
  });
});
