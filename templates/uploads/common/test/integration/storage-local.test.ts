import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from '../../src/lib/storage/local-disk.js';
import { describeStorageContract } from '../helpers/storage-contract.js';

let dir = '';
let storage: LocalDiskStorage | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'storage-local-'));
  storage = new LocalDiskStorage(join(dir, 'uploads'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const local = () => {
  if (!storage) throw new Error('storage not ready');
  return storage;
};

describeStorageContract('local disk', {
  storage: local,
  // Everything in the directory, temporary files included: "nothing left behind" means nothing at all.
  storedKeys: async () => readdir(local().dir).catch(() => []),
});

describe('local disk storage', () => {
  it('is healthy before the first upload creates its directory, and creates nothing to find out', async () => {
    const fresh = new LocalDiskStorage(join(dir, 'not-yet', 'uploads'));
    await fresh.check();
    await expect(readdir(join(dir, 'not-yet'))).rejects.toThrow(/ENOENT/);
  });

  it('is unhealthy where the directory cannot be created', async () => {
    await writeFile(join(dir, 'a-file'), 'x');
    await expect(new LocalDiskStorage(join(dir, 'a-file', 'uploads')).check()).rejects.toThrow(/ENOTDIR/);
  });

  it('a file being written is invisible until it is complete', async () => {
    const key = 'in-progress.png';
    const body = new PassThrough();
    const writing = local().put(key, body, { contentType: 'image/png' });
    body.write(Buffer.alloc(1000, 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await local().get(key)).toBeNull();
    body.end(Buffer.alloc(1000, 2));
    await writing;
    const stored = await local().get(key);
    expect(stored).not.toBeNull();
    stored?.destroy();
  });
});
