import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, constants, mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, type FileStorage } from './storage.js';

const isMissing = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';

/**
 * Files in one directory (UPLOAD_DIR), one file per key. Each upload is written to a temporary name
 * and renamed into place only once complete, so a reader never sees half a file and a failed or
 * interrupted upload leaves at most a `.partial-*` file (safe to delete at any time), never an object.
 * Fine for one instance or a shared volume; several hosts without one need S3 (--storage s3).
 */
export class LocalDiskStorage implements FileStorage {
  readonly kind = 'local';
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  private pathOf(key: string): string {
    assertSafeKey(key);
    return join(this.dir, key);
  }

  /** The content type is not kept with the file: the files table holds it. */
  async put(key: string, body: Readable, _options?: { contentType: string }): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(this.dir, { recursive: true });
    const partial = join(this.dir, `.partial-${randomUUID()}`);
    try {
      // `wx`: never overwrite; pipeline destroys both streams if either fails.
      await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    try {
      // Opened here, not lazily by the stream, so a missing file is a null now instead of a stream error later.
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  /** Writable, or creatable by the first upload: the directory or its nearest existing ancestor is writable. */
  async check(): Promise<void> {
    for (let dir = this.dir; ; dir = dirname(dir)) {
      try {
        await access(dir, constants.W_OK);
        return;
      } catch (error) {
        if (!isMissing(error) || dirname(dir) === dir) throw error;
      }
    }
  }

  async close(): Promise<void> {}
}
