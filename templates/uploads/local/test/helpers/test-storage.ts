import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Where a test file's uploads go; each storage option ships its own version of this file. This one
 * (`--storage local`): a temporary directory of the file's own, removed afterwards.
 */
export interface TestStorage {
  readonly kind: 'local' | 's3';
  /** Variables that point an app (ctx.build({ env })) at this storage. */
  env(): Record<string, string>;
  /** Everything the storage holds, leftovers included: "nothing was stored" is checked against it. */
  storedKeys(): Promise<string[]>;
}

export function useTestStorage(): TestStorage {
  let dir: string | undefined;
  const uploadDir = () => {
    if (dir === undefined) throw new Error('test storage not ready: use inside tests or hooks');
    return join(dir, 'uploads');
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'uploads-test-'));
  });

  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  return {
    kind: 'local',
    env: () => ({ UPLOAD_DIR: uploadDir() }),
    storedKeys: async () => (await readdir(uploadDir()).catch(() => [])).sort(),
  };
}
