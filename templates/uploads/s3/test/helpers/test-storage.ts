import { afterAll, beforeAll } from 'vitest';
import { startTestS3Server, type TestS3Server } from './s3-server.js';

/**
 * Where a test file's uploads go; each storage option ships its own version of this file. This one
 * (`--storage s3`): a real S3-compatible server (./s3-server.ts: s3rver on loopback, or the service
 * S3_BUCKET names), so every upload test goes through the S3 adapter.
 */
export interface TestStorage {
  readonly kind: 'local' | 's3';
  /** Variables that point an app (ctx.build({ env })) at this storage. */
  env(): Record<string, string>;
  /** Everything the storage holds, leftovers included: "nothing was stored" is checked against it. */
  storedKeys(): Promise<string[]>;
}

export function useTestStorage(): TestStorage {
  let server: TestS3Server | undefined;
  const running = () => {
    if (server === undefined) throw new Error('test S3 server not ready: use inside tests or hooks');
    return server;
  };

  beforeAll(async () => {
    server = await startTestS3Server();
  });

  afterAll(async () => {
    await server?.stop();
  });

  return {
    kind: 's3',
    env: () => running().env,
    storedKeys: () => running().keys(),
  };
}
