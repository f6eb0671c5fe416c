import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../src/lib/storage/index.js';
import { S3Storage } from '../../src/lib/storage/s3.js';
import { createLogger } from '../../src/lib/logger.js';
import { testEnv } from '../helpers/env.js';
import { startTestS3Server, type TestS3Server } from '../helpers/s3-server.js';
import { describeStorageContract } from '../helpers/storage-contract.js';

// The S3 adapter against a real S3-compatible server: s3rver on loopback, or the service S3_BUCKET names.
let server: TestS3Server | undefined;
let storage: S3Storage | undefined;

beforeAll(async () => {
  server = await startTestS3Server();
  const env = testEnv(server.env);
  const created = await createStorage(env, createLogger(env));
  if (!(created instanceof S3Storage)) throw new Error('expected the S3 adapter with S3_BUCKET set');
  storage = created;
});

afterAll(async () => {
  await storage?.close();
  await server?.stop();
});

const s3 = () => {
  if (!storage || !server) throw new Error('S3 not ready');
  return { storage, server };
};

describeStorageContract('S3', { storage: () => s3().storage, storedKeys: () => s3().server.keys() });

describe('S3 storage', () => {
  it('keeps the content type with the object, under S3_KEY_PREFIX', async () => {
    const { storage, server } = s3();
    const key = `typed-${randomUUID()}.png`;
    await storage.put(key, Readable.from([Buffer.from('png bytes')]), { contentType: 'image/png' });
    const head = await storage.client.send(
      new HeadObjectCommand({ Bucket: server.env.S3_BUCKET, Key: `${server.env.S3_KEY_PREFIX ?? ''}${key}` }),
    );
    expect(head.ContentType).toBe('image/png');
    expect(head.ContentLength).toBe(9);
  });

  it('a failure after several parts were sent aborts the multipart upload: no object, no parts', async () => {
    const { storage, server } = s3();
    const before = await server.keys();
    const key = `multipart-${randomUUID()}.bin`;
    const failure = new Error('cut off after 6 MiB');
    // More than one 5 MiB part, so the first part is already on the server when the body fails.
    const body = Readable.from(
      (async function* () {
        for (let i = 0; i < 12; i += 1) yield Buffer.alloc(512 * 1024, i);
        throw failure;
      })(),
    );
    // Which requests went out (s3rver cannot list multipart uploads, so the abort is checked on our side).
    const sent: string[] = [];
    const recorder = 'record-commands';
    storage.client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName ?? '');
        return next(args);
      },
      { step: 'initialize', name: recorder },
    );
    try {
      await expect(storage.put(key, body, { contentType: 'application/octet-stream' })).rejects.toBe(failure);
    } finally {
      storage.client.middlewareStack.remove(recorder);
    }
    expect(sent).toEqual(['CreateMultipartUploadCommand', 'UploadPartCommand', 'AbortMultipartUploadCommand']);
    expect(await server.keys()).toEqual(before);
  });

  it('round-trips a file larger than one part', async () => {
    const { storage } = s3();
    const key = `large-${randomUUID()}.bin`;
    const bytes = Buffer.alloc(6 * 1024 * 1024 + 123, 7);
    bytes.writeUInt32BE(0xdeadbeef, 5 * 1024 * 1024);
    await storage.put(key, Readable.from([bytes.subarray(0, 3_000_000), bytes.subarray(3_000_000)]), { contentType: 'application/octet-stream' });
    const body = await storage.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of body ?? Readable.from([])) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    await storage.delete(key);
  });

  it('is unhealthy when the bucket does not exist or the endpoint does not answer', async () => {
    const { server } = s3();
    const base = {
      region: server.env.S3_REGION ?? 'us-east-1',
      endpoint: server.env.S3_ENDPOINT,
      forcePathStyle: server.env.S3_FORCE_PATH_STYLE === 'true',
      keyPrefix: '',
      credentials: { accessKeyId: server.env.S3_ACCESS_KEY_ID ?? 'x', secretAccessKey: server.env.S3_SECRET_ACCESS_KEY ?? 'x' },
    };
    const missingBucket = new S3Storage({ ...base, logger: createLogger(testEnv()), bucket: `missing-${randomUUID().slice(0, 8)}` });
    await expect(missingBucket.check()).rejects.toThrow();
    missingBucket.client.destroy();
    const nowhere = new S3Storage({ ...base, logger: createLogger(testEnv()), bucket: 'any', endpoint: 'http://127.0.0.1:1' });
    const started = Date.now();
    await expect(nowhere.check()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(10_000);
    nowhere.client.destroy();
  });
});
