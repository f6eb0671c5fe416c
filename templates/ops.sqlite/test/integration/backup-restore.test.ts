import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createMigrator } from '../../src/db/migrator.js';
import { seed } from '../../src/db/seed.js';
import { createDatabase } from '../../src/lib/database.js';

/** npm run db:backup / db:restore on SQLite (src/db/backup.ts), on a file in a temporary folder. */

const work = mkdtempSync(join(tmpdir(), 'backup-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const databaseFile = join(work, 'app.sqlite');

function run(script: string, args: string[]) {
  const result = spawnSync('bash', [join('scripts', script), ...args], {
    encoding: 'utf8',
    env: { ...process.env, SQLITE_PATH: databaseFile },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function rowCounts(file: string): Record<string, number> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

describe('db:backup / db:restore (SQLite)', () => {
  it('backs up while the database is open, restores by swapping the file: every table has its rows back', async () => {
    const database = await createDatabase({ SQLITE_PATH: databaseFile, SQLITE_BUSY_TIMEOUT_MS: 5000 });
    const file = join(work, 'backups', 'copy.sqlite');
    try {
      await createMigrator(database).migrate();
      expect(await seed(database)).toBeGreaterThan(0);
      // The app's connection stays open (WAL mode): the online backup must still see every committed row.
      const backup = run('backup.sh', [file]);
      expect(backup.stderr).toBe('');
      expect(backup).toMatchObject({ status: 0, stdout: `${file}\n` });
    } finally {
      await database.close();
    }
    const before = rowCounts(databaseFile);
    expect(before.users).toBeGreaterThan(0);
    expect(rowCounts(file)).toEqual(before);

    const db = new BetterSqlite3(databaseFile);
    db.exec('DELETE FROM users');
    db.close();
    expect(rowCounts(databaseFile).users).toBe(0);

    expect(run('restore.sh', [file]).status).toBe(2);
    const restore = run('restore.sh', [file, '--yes']);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    // The old file's write-ahead log went with it (it would otherwise be replayed onto the restored file).
    expect(existsSync(`${databaseFile}-wal`)).toBe(false);
    expect(rowCounts(databaseFile)).toEqual(before);
  });

  it('refuses to restore a file that is not a SQLite database', () => {
    const bogus = join(work, 'bogus.sqlite');
    spawnSync('bash', ['-c', `printf 'not a database' > '${bogus}'`]);
    const result = run('restore.sh', [bogus, '--yes']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not a database|integrity/i);
  });
});
