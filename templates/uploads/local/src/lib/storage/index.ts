import type { Env } from '../../config/env.js';
import type { AppLogger } from '../logger.js';
import { LocalDiskStorage } from './local-disk.js';
import type { FileStorage } from './storage.js';

export type { FileStorage } from './storage.js';

/**
 * The storage of uploads (`--storage local`); each storage option ships its own version of this file.
 * Files live in UPLOAD_DIR on this machine's disk.
 */
export async function createStorage(env: Pick<Env, 'UPLOAD_DIR'>, logger: AppLogger): Promise<FileStorage> {
  const storage = new LocalDiskStorage(env.UPLOAD_DIR);
  logger.debug({ storage: 'local', dir: storage.dir }, 'uploads are stored on local disk');
  return storage;
}
