import type { Env } from '../../config/env.js';
import type { AppLogger } from '../logger.js';
import { LocalDiskStorage } from './local-disk.js';
import { S3Storage } from './s3.js';
import type { FileStorage } from './storage.js';

export type { FileStorage } from './storage.js';

export type StorageEnv = Pick<
  Env,
  'UPLOAD_DIR' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_BUCKET' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE' | 'S3_KEY_PREFIX'
>;

/**
 * The storage of uploads (`--storage s3`); each storage option ships its own version of this file.
 * S3-compatible object storage when S3_BUCKET is set; without it (allowed outside production only, see
 * PRODUCTION_REQUIRED) files go to UPLOAD_DIR on local disk, so `npm run dev` and `npm test` need no server.
 */
export async function createStorage(env: StorageEnv, logger: AppLogger): Promise<FileStorage> {
  if (env.S3_BUCKET === undefined) {
    logger.info({ storage: 'local', dir: env.UPLOAD_DIR }, 'S3_BUCKET is not set: uploads are stored on local disk; set the S3_* variables to use S3');
    return new LocalDiskStorage(env.UPLOAD_DIR);
  }
  return new S3Storage({
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    keyPrefix: env.S3_KEY_PREFIX,
    credentials:
      env.S3_ACCESS_KEY_ID !== undefined && env.S3_SECRET_ACCESS_KEY !== undefined
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    logger,
  });
}
