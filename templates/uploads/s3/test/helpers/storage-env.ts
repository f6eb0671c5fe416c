/**
 * What the storage option adds to production test environments (test/helpers/env.ts); each storage
 * option ships its own version of this file. Production requires the S3 settings (`--storage s3`):
 * these point at port 1 on loopback, where nothing listens, so nothing is ever sent anywhere; storage
 * readiness then reports a failure, which is optional and leaves the app ready.
 */
export function storageProductionEnv(): Record<string, string> {
  return {
    S3_BUCKET: 'production-test',
    S3_ENDPOINT: 'http://127.0.0.1:1',
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: 'production-test-key',
    S3_SECRET_ACCESS_KEY: 'production-test-secret',
  };
}
