import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrator } from '../../src/db/migrator.js';
import { createDatabase, type Database } from '../../src/lib/database.js';
import { useTestApp } from '../helpers/app.js';
import { asAdmin } from '../helpers/auth.js';
import { unreachableDatabaseEnv } from '../helpers/database-env.js';
import { testEnv } from '../helpers/env.js';
import { createUser } from '../helpers/users.js';

/** What only SQLite needs checking: connection settings, Unicode search, the file lock, a bad path. */

const ctx = useTestApp();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sqlite-test-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A migrated database in a file of its own (WAL and file locks only exist on files). */
async function fileDatabase(name: string, vars: Record<string, string> = {}): Promise<Database> {
  const database = await createDatabase(testEnv({ SQLITE_PATH: join(dir, 'nested', name), ...vars }));
  await createMigrator(database).migrate();
  return database;
}

const pragma = (database: Database, name: string) =>
  database.rawTransaction((tx) => Object.values(tx.query(`PRAGMA ${name}`)[0] ?? {})[0]);

describe('the connection', () => {
  it('creates the directory, and runs in WAL mode with foreign keys on and the configured busy timeout', async () => {
    const database = await fileDatabase('settings.sqlite', { SQLITE_BUSY_TIMEOUT_MS: '1234' });
    try {
      expect(database.kind).toBe('sqlite');
      expect(await pragma(database, 'journal_mode')).toBe('wal');
      expect(await pragma(database, 'foreign_keys')).toBe(1);
      expect(await pragma(database, 'busy_timeout')).toBe(1234);
      expect(await pragma(database, 'synchronous')).toBe(1); // NORMAL
    } finally {
      await database.close();
    }
  });

  it('refuses an asynchronous raw transaction instead of letting other queries run inside it', async () => {
    await expect(ctx.testDb.database.rawTransaction(async () => 1)).rejects.toThrow(/must be synchronous/);
    // Rolled back: the connection is usable again.
    expect(await ctx.testDb.database.rawTransaction((tx) => tx.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });
});

describe('search', () => {
  it('is case-insensitive beyond ASCII, like PostgreSQL ILIKE', async () => {
    const names = ['Élodie Durand', 'Ödön Horváth', 'Straße', 'Ελένη'];
    for (const [i, name] of names.entries()) await createUser(ctx.admin, { email: `person${i}@example.com`, name });
    const found = async (search: string) =>
      (await ctx.admin.inject({ url: `/api/v1/users?sort=name&search=${encodeURIComponent(search)}` })).json().data.map((u: { name: string }) => u.name);
    expect(await found('ÉLODIE')).toEqual(['Élodie Durand']);
    expect(await found('élodie')).toEqual(['Élodie Durand']);
    expect(await found('ÖDÖN HORVÁTH')).toEqual(['Ödön Horváth']);
    expect(await found('STRASSE')).toEqual([]);
    expect(await found('straße')).toEqual(['Straße']);
    expect(await found('ΕΛΈΝΗ')).toEqual(['Ελένη']);
  });
});

describe('a database out of reach', () => {
  it('locked by another process past the busy timeout: writes answer 503, then work once the lock is gone', async () => {
    const database = await fileDatabase('locked.sqlite', { SQLITE_BUSY_TIMEOUT_MS: '50' });
    const other = new BetterSqlite3(database.path);
    try {
      const client = asAdmin(await ctx.build({ deps: { database } }));
      const create = () => client.inject({ method: 'POST', url: '/api/v1/users', payload: { email: 'lock@example.com', name: 'Lock' } });
      other.exec('BEGIN IMMEDIATE');
      const refused = await create();
      expect(refused.statusCode).toBe(503);
      expect(refused.json()).toEqual({ success: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'Database unavailable' } });
      // WAL: readers are not blocked by a writer.
      expect((await client.inject({ url: '/api/v1/users' })).statusCode).toBe(200);
      other.exec('ROLLBACK');
      expect((await create()).statusCode).toBe(201);
    } finally {
      other.close();
      await database.close();
    }
  });

  it('a path that cannot be opened: the app still starts, ping and the migrator give the reason', async () => {
    const database = await createDatabase(testEnv(unreachableDatabaseEnv()));
    expect(database.kind).toBe('sqlite');
    await expect(database.ping()).rejects.toThrow(/SQLite database .+ cannot be opened/);
    await expect(createMigrator(database).migrate()).rejects.toThrow(/cannot be opened/);
    await database.close();
  });
});
