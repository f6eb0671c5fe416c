import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createMigrator } from '../../src/db/migrator.js';
import { seed } from '../../src/db/seed.js';
import { createDatabase } from '../../src/lib/database.js';

/**
 * scripts/backup.sh and scripts/restore.sh (npm run db:backup / db:restore). Against a real PostgreSQL
 * (DATABASE_URL set, as in CI): dump a database of its own, destroy its data, restore, compare every table.
 * pg_dump cannot read the embedded PGlite, so without DATABASE_URL only the refusals are checked.
 */

const work = mkdtempSync(join(tmpdir(), 'backup-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string>) {
  // cwd: a folder without .env, so only the DATABASE_URL given here counts.
  const result = spawnSync('bash', [join(process.cwd(), 'scripts', script), ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('db:backup / db:restore without a PostgreSQL server', () => {
  it('backup refuses without DATABASE_URL and says PGlite is development-only', () => {
    const result = run('backup.sh', [], {});
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/DATABASE_URL is not set/);
    expect(result.stderr).toMatch(/PGlite/);
  });

  it('restore refuses without --yes, and without DATABASE_URL', () => {
    const file = join(work, 'any.dump');
    rmSync(file, { force: true });
    spawnSync('touch', [file]);
    expect(run('restore.sh', [file], {}).stderr).toMatch(/--yes/);
    const result = run('restore.sh', [file, '--yes'], {});
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/DATABASE_URL is not set/);
  });
});

const serverUrl = process.env.DATABASE_URL;
if (serverUrl !== undefined && /^postgres(ql)?:/.test(serverUrl)) {
  describe('db:backup / db:restore on the PostgreSQL server of DATABASE_URL', () => {
    const name = `backup_test_${randomBytes(5).toString('hex')}`;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();

    async function admin<T>(task: (client: pg.Client) => Promise<T>, connectionString = serverUrl): Promise<T> {
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        return await task(client);
      } finally {
        await client.end();
      }
    }

    /** Rows per table of the public schema, the migration history included. */
    const rowCounts = () =>
      admin(async (client) => {
        const tables = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
        const counts: Record<string, number> = {};
        for (const { tablename } of tables.rows) {
          const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${tablename.replaceAll('"', '""')}"`);
          counts[tablename] = Number(result.rows[0]?.n);
        }
        return counts;
      }, databaseUrl);

    afterAll(async () => {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    });

    it('dump, destroy the data, restore: every table has its rows back', async () => {
      // A database of its own: restore --clean replaces whole tables, which other test files use at the same time.
      await admin((client) => client.query(`CREATE DATABASE ${name}`));
      const database = await createDatabase({ DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: 2, PGLITE_DIR: 'unused' });
      try {
        await createMigrator(database).migrate();
        expect(await seed(database)).toBeGreaterThan(0);
      } finally {
        await database.close();
      }
      const before = await rowCounts();
      expect(before.users).toBeGreaterThan(0);

      const file = join(work, 'backup.dump');
      const backup = run('backup.sh', [file], { DATABASE_URL: databaseUrl });
      expect(backup.stderr).toBe('');
      expect(backup).toMatchObject({ status: 0, stdout: `${file}\n` });

      await admin((client) => client.query('TRUNCATE TABLE users CASCADE'), databaseUrl);
      expect((await rowCounts()).users).toBe(0);

      const restore = run('restore.sh', [file, '--yes'], { DATABASE_URL: databaseUrl });
      expect(restore.stderr).toBe('');
      expect(restore.status).toBe(0);
      expect(await rowCounts()).toEqual(before);
    });
  });
}
