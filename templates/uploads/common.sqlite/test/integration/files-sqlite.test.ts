import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../src/db/files-schema.js';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.js';
import { testEnv } from '../helpers/env.js';

/**
 * SQLite only: the files table's format CHECKs are GLOB translations of PostgreSQL's regular expressions
 * (SQLite has none), so they are held against those very expressions, sample by sample.
 */

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase(testEnv());
});

afterAll(async () => {
  await testDb.dispose();
});

const STORAGE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const CONTENT_TYPE = /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/;

let sequence = 0;
function insert(row: { storageKey?: string; contentType?: string; originalName?: string; size?: number }) {
  sequence += 1;
  return () =>
    testDb.database.db
      .insert(files)
      .values({
        storageKey: row.storageKey ?? `key-${sequence}.png`,
        contentType: row.contentType ?? 'image/png',
        sizeBytes: row.size ?? 1,
        originalName: row.originalName ?? 'photo.png',
        ownerId: null,
      })
      .run();
}

describe('files constraints (SQLite)', () => {
  it.each(['0b7e.png', 'a', 'A-b_c.d', 'x.tar.gz', '.hidden', '-x', '_x', 'a/b', 'a b', 'a\nb', 'é.png', 'a*', 'a[1]', ''])(
    'storage_key %j is accepted exactly when PostgreSQL would accept it',
    (key) => {
      const attempt = insert({ storageKey: key });
      if (STORAGE_KEY.test(key)) expect(attempt).not.toThrow();
      else expect(attempt).toThrow(/CHECK constraint failed: files_storage_key_safe/);
    },
  );

  it.each(['image/png', 'application/vnd.ms-excel', 'image/svg+xml', 'a/b', 'Image/png', 'image/', '/png', 'image//png', 'a/b/c', 'image/.png', '.image/png', 'image/png ', 'image/p*g', ''])(
    'content_type %j is accepted exactly when PostgreSQL would accept it',
    (type) => {
      const attempt = insert({ contentType: type });
      if (CONTENT_TYPE.test(type)) expect(attempt).not.toThrow();
      else expect(attempt).toThrow(/CHECK constraint failed: files_content_type_format/);
    },
  );

  it("holds what PostgreSQL's column types and the other CHECKs hold", () => {
    expect(insert({ storageKey: 'k'.repeat(256) })).toThrow(/files_storage_key_length/);
    expect(insert({ contentType: `a/${'b'.repeat(126)}` })).toThrow(/files_content_type_length/);
    expect(insert({ originalName: 'n'.repeat(256) })).toThrow(/files_original_name_length/);
    expect(insert({ originalName: '   ' })).toThrow(/files_original_name_not_blank/);
    expect(insert({ size: -1 })).toThrow(/files_size_not_negative/);
    expect(insert({ storageKey: 'same.png' })).not.toThrow();
    expect(insert({ storageKey: 'same.png' })).toThrow(/UNIQUE constraint failed: files\.storage_key/);
  });
});
