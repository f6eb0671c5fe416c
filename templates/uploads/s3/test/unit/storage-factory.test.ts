import { describe, expect, it } from 'vitest';
import { createStorage } from '../../src/lib/storage/index.js';
import { LocalDiskStorage } from '../../src/lib/storage/local-disk.js';
import { S3Storage } from '../../src/lib/storage/s3.js';
import { createLogger } from '../../src/lib/logger.js';
import { envIssues, productionEnv, testEnv } from '../helpers/env.js';

describe('choosing the storage (--storage s3)', () => {
  it('uses local disk when S3_BUCKET is not set, so dev and tests need no S3 server', async () => {
    const env = testEnv({ S3_BUCKET: '', UPLOAD_DIR: '/tmp/not-created-by-this-test' });
    const storage = await createStorage(env, createLogger(env));
    expect(storage).toBeInstanceOf(LocalDiskStorage);
    expect(storage.kind).toBe('local');
  });

  it('uses S3 when S3_BUCKET is set', async () => {
    const env = testEnv({ S3_BUCKET: 'my-bucket', S3_ENDPOINT: 'http://127.0.0.1:1', S3_FORCE_PATH_STYLE: 'true' });
    const storage = await createStorage(env, createLogger(env));
    expect(storage).toBeInstanceOf(S3Storage);
    await storage.close();
  });

  it('production requires the bucket and credentials', () => {
    const variables = (source: Record<string, string>) => envIssues(source).map((issue) => issue.variable);
    // Compared with the complete production environment, so that what other features require does not matter here.
    const complete = variables(productionEnv());
    expect(complete.filter((name) => name.startsWith('S3_'))).toEqual([]);
    const { S3_BUCKET: _bucket, S3_ACCESS_KEY_ID: _key, S3_SECRET_ACCESS_KEY: _secret, ...withoutS3 } = productionEnv();
    expect(variables(withoutS3).filter((name) => !complete.includes(name)).sort()).toEqual(['S3_ACCESS_KEY_ID', 'S3_BUCKET', 'S3_SECRET_ACCESS_KEY']);
  });

  it('refuses a malformed bucket name, endpoint or key prefix', () => {
    const variables = (source: Record<string, string>) => envIssues(source).map((issue) => issue.variable);
    expect(variables({ S3_BUCKET: 'Not_A_Bucket' })).toEqual(['S3_BUCKET']);
    expect(variables({ S3_ENDPOINT: 'ftp://example.com' })).toEqual(['S3_ENDPOINT']);
    expect(variables({ S3_KEY_PREFIX: '/absolute/' })).toEqual(['S3_KEY_PREFIX']);
    expect(variables({ S3_BUCKET: 'my-bucket', S3_KEY_PREFIX: 'app/uploads/' })).toEqual([]);
  });
});
