import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { FileStorage } from '../../src/lib/storage/storage.js';

/**
 * What every storage adapter promises (src/lib/storage/storage.ts), run against each real adapter:
 * local disk always, S3 against a real S3-compatible server (test/integration/storage-*.test.ts).
 */
export interface StorageHarness {
  storage(): FileStorage;
  /** Every object (and leftover) the adapter holds, to prove that a failed put left nothing. */
  storedKeys(): Promise<string[]>;
}

const newKey = (ext = 'bin') => `contract-${randomUUID()}.${ext}`;

/** A stream that yields `good` bytes in pieces, then fails, like an upload cut short or over the limit. */
function failingAfter(good: Buffer, error: Error): Readable {
  return Readable.from(
    (async function* () {
      yield good.subarray(0, good.length / 2);
      yield good.subarray(good.length / 2);
      throw error;
    })(),
  );
}

export function describeStorageContract(name: string, harness: StorageHarness): void {
  describe(`${name} storage contract`, () => {
    it('stores a stream and gives the same bytes back', async () => {
      const key = newKey('png');
      const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
      await harness.storage().put(key, Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), { contentType: 'image/png' });
      const body = await harness.storage().get(key);
      expect(body).not.toBeNull();
      expect((await buffer(body ?? Readable.from([]))).equals(bytes)).toBe(true);
      expect(await harness.storedKeys()).toContain(key);
    });

    it('stores an empty object', async () => {
      const key = newKey();
      await harness.storage().put(key, Readable.from([]), { contentType: 'application/octet-stream' });
      const body = await harness.storage().get(key);
      expect(body).not.toBeNull();
      expect((await buffer(body ?? Readable.from([]))).length).toBe(0);
    });

    it('answers null for a missing object', async () => {
      expect(await harness.storage().get(newKey())).toBeNull();
    });

    it('deletes, and deleting again or deleting what never existed is fine', async () => {
      const key = newKey();
      await harness.storage().put(key, Readable.from([Buffer.from('bye')]), { contentType: 'text/plain' });
      await harness.storage().delete(key);
      expect(await harness.storage().get(key)).toBeNull();
      await harness.storage().delete(key);
      await harness.storage().delete(newKey());
      expect(await harness.storedKeys()).not.toContain(key);
    });

    it('a put whose stream fails rejects with that error and leaves nothing behind', async () => {
      const before = await harness.storedKeys();
      const key = newKey();
      const failure = new Error('the client went away');
      await expect(
        harness.storage().put(key, failingAfter(Buffer.alloc(64 * 1024, 1), failure), { contentType: 'image/png' }),
      ).rejects.toBe(failure);
      expect(await harness.storage().get(key)).toBeNull();
      expect(await harness.storedKeys()).toEqual(before);
    });

    it('refuses keys that could escape their place', async () => {
      for (const key of ['../escape.png', 'a/b.png', '', '.hidden', 'a\\b']) {
        await expect(harness.storage().put(key, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' }), key).rejects.toThrow(/unsafe storage key/);
        await expect(harness.storage().get(key), key).rejects.toThrow(/unsafe storage key/);
      }
    });

    it('reports itself healthy', async () => {
      await expect(harness.storage().check()).resolves.toBeUndefined();
    });
  });
}
