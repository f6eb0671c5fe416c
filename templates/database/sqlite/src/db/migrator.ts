import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, SqlTransaction } from '../lib/database.js';

/**
 * Versioned SQL migrations: migrations/<version>_<name>/{up,down}.sql, applied in name order.
 * Each migration runs in its own transaction (SQLite's DDL is transactional), so a failing one leaves
 * no half-applied schema. The transaction takes the file's write lock at BEGIN, so migrators started at
 * the same time (the app and `npm run db:migrate`) run one after the other and each re-checks what is
 * applied. Foreign keys are off inside a migration and checked as a whole before it commits, so a
 * migration may rebuild a table the way SQLite's ALTER TABLE documentation describes.
 */

// Resolved from this file, not the cwd: src/db/ and dist/db/ both sit two levels below the package root.
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

const DIR_PATTERN = /^\d{4}_[a-z0-9_]+$/;

export interface Migration {
  version: string;
  up: string;
  down: string;
  checksum: string;
}

export interface MigrationStatus {
  version: string;
  appliedAt: Date | null;
  /** The up.sql changed after it was applied: the database may not match the file. */
  modified: boolean;
  /** Applied in the database but no longer present on disk. */
  missingFile: boolean;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (version) => {
      if (!DIR_PATTERN.test(version)) {
        throw new Error(`Migration folder "${version}" must be named like 0001_create_things`);
      }
      const [up, down] = await Promise.all([
        readFile(join(dir, version, 'up.sql'), 'utf8'),
        readFile(join(dir, version, 'down.sql'), 'utf8'),
      ]);
      return { version, up, down, checksum: createHash('sha256').update(up).digest('hex') };
    }),
  );
}

interface AppliedRow {
  version: string;
  checksum: string;
  appliedAt: Date;
}

function prepare(tx: SqlTransaction): void {
  tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    text    PRIMARY KEY NOT NULL,
    checksum   text    NOT NULL,
    applied_at integer NOT NULL
  ) STRICT`);
}

function appliedMigrations(tx: SqlTransaction): AppliedRow[] {
  return tx.query('SELECT version, checksum, applied_at FROM schema_migrations ORDER BY version').map((row) => ({
    version: String(row.version),
    checksum: String(row.checksum),
    // Unix milliseconds, like every instant in this database.
    appliedAt: new Date(Number(row.applied_at)),
  }));
}

export interface Migrator {
  /** Applies every pending migration; returns the versions applied (empty when up to date). */
  migrate(): Promise<string[]>;
  /** Undoes the last `steps` applied migrations, newest first; returns the versions undone. */
  rollback(steps?: number): Promise<string[]>;
  status(): Promise<MigrationStatus[]>;
}

// Foreign keys are checked when the migration ends, not statement by statement (see the header).
const AS_A_WHOLE = { foreignKeys: false };

export function createMigrator(database: Database, dir = MIGRATIONS_DIR): Migrator {
  return {
    async migrate() {
      const migrations = await loadMigrations(dir);
      const applied: string[] = [];
      for (const migration of migrations) {
        const ran = await database.rawTransaction((tx) => {
          prepare(tx);
          // Re-checked under the lock: another migrator may have applied it meanwhile.
          if (tx.query('SELECT 1 FROM schema_migrations WHERE version = ?', [migration.version]).length > 0) return false;
          tx.exec(migration.up);
          tx.query('INSERT INTO schema_migrations (version, checksum, applied_at) VALUES (?, ?, ?)', [
            migration.version,
            migration.checksum,
            Date.now(),
          ]);
          return true;
        }, AS_A_WHOLE);
        if (ran) applied.push(migration.version);
      }
      return applied;
    },

    async rollback(steps = 1) {
      const migrations = new Map((await loadMigrations(dir)).map((m) => [m.version, m]));
      const undone: string[] = [];
      for (let i = 0; i < steps; i += 1) {
        const version = await database.rawTransaction((tx) => {
          prepare(tx);
          const lastVersion = tx.query('SELECT version FROM schema_migrations ORDER BY version DESC LIMIT 1')[0]?.version;
          if (lastVersion === undefined) return null;
          const migration = migrations.get(String(lastVersion));
          if (!migration) throw new Error(`Cannot roll back ${String(lastVersion)}: its folder is missing`);
          tx.exec(migration.down);
          tx.query('DELETE FROM schema_migrations WHERE version = ?', [migration.version]);
          return migration.version;
        }, AS_A_WHOLE);
        if (version === null) break;
        undone.push(version);
      }
      return undone;
    },

    async status() {
      const migrations = await loadMigrations(dir);
      const applied = await database.rawTransaction((tx) => {
        prepare(tx);
        return appliedMigrations(tx);
      });
      const byVersion = new Map(applied.map((row) => [row.version, row]));
      const onDisk = new Set(migrations.map((m) => m.version));
      const fromFiles = migrations.map((m) => {
        const row = byVersion.get(m.version);
        return {
          version: m.version,
          appliedAt: row?.appliedAt ?? null,
          modified: row !== undefined && row.checksum !== m.checksum,
          missingFile: false,
        };
      });
      const orphans = applied
        .filter((row) => !onDisk.has(row.version))
        .map((row) => ({ version: row.version, appliedAt: row.appliedAt, modified: false, missingFile: true }));
      return [...fromFiles, ...orphans].sort((a, b) => a.version.localeCompare(b.version));
    },
  };
}
