import { ConfigError, type Env } from '../config/env.js';
import type { Database } from '../lib/database.js';
import type { AppLogger } from '../lib/logger.js';
import { createStorage } from '../lib/storage/index.js';
import type { FileStorage } from '../lib/storage/storage.js';
import { undetectableTypes } from '../lib/uploads/file-types.js';
import { DrizzleFilesRepository } from '../repositories/files.repository.js';
import { FilesService, type UploadPolicy } from '../services/files.service.js';
import type { FilesRepository } from '../types/file.js';
import { createCursorCodec } from '../utils/cursor.js';

export interface UploadsDependencies {
  policy: UploadPolicy;
  storage: FileStorage;
  repository: FilesRepository;
  service: FilesService;
}

/** The limits of uploads; refuses, naming the variable, a type that could never be recognised from content. */
export function uploadPolicy(env: Pick<Env, 'UPLOAD_MAX_BYTES' | 'UPLOAD_ALLOWED_TYPES'>): UploadPolicy {
  const undetectable = undetectableTypes(env.UPLOAD_ALLOWED_TYPES);
  if (undetectable.length > 0) {
    throw new ConfigError([
      {
        variable: 'UPLOAD_ALLOWED_TYPES',
        message: `${undetectable.join(', ')} cannot be recognised from file content (magic bytes), so would always be refused; remove it`,
      },
    ]);
  }
  return { maxBytes: env.UPLOAD_MAX_BYTES, allowedTypes: new Set(env.UPLOAD_ALLOWED_TYPES) };
}

export async function createUploadsDependencies(env: Env, logger: AppLogger, database: Database): Promise<UploadsDependencies> {
  const policy = uploadPolicy(env);
  const storage = await createStorage(env, logger);
  const repository = new DrizzleFilesRepository(database.db);
  const service = new FilesService(repository, storage, policy, createCursorCodec(env.CURSOR_SECRET), logger);
  return { policy, storage, repository, service };
}
