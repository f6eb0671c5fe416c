import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { createMigrator } from '../../src/db/migrator.js';
import { seed } from '../../src/db/seed.js';
import { COLLATION, createDatabase, requireDatabaseUrl } from '../../src/lib/database.js';

/**
 * scripts/backup.sh and scripts/restore.sh (npm run db:backup / db:restore) on the MySQL/MariaDB server of
 * DATABASE_URL: dump a database of its own, destroy its data, restore, compare every table. Needs the
 * `mysqldump` and `mysql` clients, and a user that may create databases (as every test file here does).
 */

const work = mkdtempSync(join(tmpdir(), 'backup-test-'));
const serverUrl = requireDatabaseUrl({ DATABASE_URL: process.env.DATABASE_URL });
const name = `backup_test_${randomBytes(5).toString('hex')}`;
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const databaseUrl = url.toString();

function run(script: string, args: string[], env: Record<string, string>) {
  // cwd: a folder without .env, so only the DATABASE_URL given here counts.
  const result = spawnSync('bash', [join(process.cwd(), 'scripts', script), ...args], { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function withConnection<T>(connectionUrl: string, task: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const connection = await mysql.createConnection(connectionUrl);
  try {
    return await task(connection);
  } finally {
    await connection.end();
  }
}

/** Rows per table, the migration history included. */
const rowCounts = () =>
  withConnection(databaseUrl, async (connection) => {
    const [tables] = await connection.query<mysql.RowDataPacket[]>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name');
    const counts: Record<string, number> = {};
    for (const { name: table } of tables) {
      const [rows] = await connection.query<mysql.RowDataPacket[]>(`SELECT count(*) AS n FROM \`${String(table).replaceAll('`', '``')}\``);
      counts[String(table)] = Number(rows[0]?.n);
    }
    return counts;
  });

afterAll(async () => {
  await withConnection(serverUrl, (connection) => connection.query(`DROP DATABASE IF EXISTS \`${name}\``));
  rmSync(work, { recursive: true, force: true });
});

describe('db:backup / db:restore (MySQL / MariaDB)', () => {
  it('refuse without DATABASE_URL, and restore refuses without --yes', () => {
    expect(run('backup.sh', [], {})).toMatchObject({ status: 2, stderr: expect.stringContaining('DATABASE_URL is not set') });
    const file = join(work, 'any.sql.gz');
    writeFileSync(file, '');
    expect(run('restore.sh', [file], { DATABASE_URL: databaseUrl })).toMatchObject({ status: 2, stderr: expect.stringContaining('--yes') });
  });

  it('dump, destroy the data, restore: every table has its rows back', async () => {
    await withConnection(serverUrl, (connection) => connection.query(`CREATE DATABASE \`${name}\` COLLATE ${COLLATION}`));
    const database = await createDatabase({ DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: 2 });
    try {
      await createMigrator(database).migrate();
      expect(await seed(database)).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
    const before = await rowCounts();
    expect(before.users).toBeGreaterThan(0);

    const file = join(work, 'backup.sql.gz');
    const backup = run('backup.sh', [file], { DATABASE_URL: databaseUrl });
    // Clients may print notices on stderr (deprecated names, password warnings): the exit code decides.
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toBe(`${file}\n`);

    await withConnection(databaseUrl, async (connection) => {
      await connection.query('SET FOREIGN_KEY_CHECKS = 0');
      await connection.query('DELETE FROM users');
    });
    expect((await rowCounts()).users).toBe(0);

    const restore = run('restore.sh', [file, '--yes'], { DATABASE_URL: databaseUrl });
    expect(restore.status, restore.stderr).toBe(0);
    expect(await rowCounts()).toEqual(before);
  });
});
