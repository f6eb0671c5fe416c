import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/**
 * An S3-compatible server for tests. Without S3_BUCKET in the environment: s3rver, a real S3 HTTP
 * server (objects on disk), started in this process on a free loopback port, with a bucket of its own.
 * With S3_BUCKET set (and S3_ENDPOINT, S3_REGION, credentials as needed: MinIO, R2, AWS), the real
 * service, under a key prefix of this run's own that is emptied afterwards.
 */
export interface TestS3Server {
  /** The S3_* variables that point an app at this server. */
  env: Record<string, string>;
  /** Every key under this server's prefix (without the prefix). */
  keys(): Promise<string[]>;
  stop(): Promise<void>;
}

const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

function clientFor(env: Record<string, string>): S3Client {
  return new S3Client({
    region: env.S3_REGION ?? 'us-east-1',
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } }
      : {}),
  });
}

async function listKeys(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key.slice(prefix.length));
    token = page.NextContinuationToken;
  } while (token !== undefined);
  return keys.sort();
}

function withPrefix(env: Record<string, string>, client: S3Client, stopServer: () => Promise<void>): TestS3Server {
  const bucket = env.S3_BUCKET ?? '';
  const prefix = env.S3_KEY_PREFIX ?? '';
  return {
    env,
    keys: () => listKeys(client, bucket, prefix),
    async stop() {
      const keys = await listKeys(client, bucket, prefix);
      if (keys.length > 0) {
        await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((key) => ({ Key: `${prefix}${key}` })) } }));
      }
      client.destroy();
      await stopServer();
    },
  };
}

export async function startTestS3Server(): Promise<TestS3Server> {
  const real = process.env.S3_BUCKET;
  if (real !== undefined && real !== '') {
    const env: Record<string, string> = { S3_BUCKET: real, S3_KEY_PREFIX: `test-${randomUUID()}/` };
    for (const name of ['S3_ENDPOINT', 'S3_REGION', 'S3_FORCE_PATH_STYLE', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      const value = process.env[name];
      if (value !== undefined && value !== '') env[name] = value;
    }
    return withPrefix(env, clientFor(env), async () => {});
  }

  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const bucket = 'uploads-test';
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  const env = {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'us-east-1',
    S3_BUCKET: bucket,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    S3_KEY_PREFIX: '',
  };
  return withPrefix(env, clientFor(env), async () => {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });
}
