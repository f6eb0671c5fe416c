import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, SqlSession } from '../lib/database.js';
import { splitStatements, stripComments } from './sql-script.js';

/**
 * Versioned SQL migrations: migrations/<version>_<name>/{up,down}.sql, applied in name order.
 *
 * MySQL commits every DDL statement (CREATE, ALTER, DROP) at once, so a migration cannot be rolled back
 * as a whole the way PostgreSQL does. Instead its statements run one by one, and schema_migrations says
 * at every moment where things stand: a row is written with state 'applying' before the first statement
 * and set to 'applied' right after the last one. If a statement fails, the row keeps the error ('failed
 * at statement 3 of 5: …'; statements 1–2 stay applied) and every later migrate or rollback refuses to
 * run until a person has looked. To recover: repair the schema by hand (down.sql shows how to undo the
 * migration), then either delete its row (DELETE FROM schema_migrations WHERE version = '…') to run it
 * again, or, if you finished it by hand, mark it applied (UPDATE schema_migrations SET state = 'applied',
 * failure = NULL, applied_at = CURRENT_TIMESTAMP(3) WHERE version = '…'). Rollbacks work the same way
 * ('undoing'). A process killed mid-migration leaves the same state, without an error message.
 *
 * Migrators started at the same time (several replicas booting) take a named lock (GET_LOCK) on their
 * connection first, so they run one after the other and each re-checks what is applied.
 */

// Resolved from this file, not the cwd: src/db/ and dist/db/ both sit two levels below the package root.
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

const LOCK_TIMEOUT_SECONDS = 120;
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
  /** Set when the migration stopped part-way (see above): what happened. */
  incomplete: string | null;
}

/** A migration stopped part-way, or an earlier one did and nothing may run until it is resolved. */
export class MigrationStateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationStateError';
  }
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
  state: string;
  appliedAt: Date | null;
  failure: string | null;
}

const CREATE_HISTORY = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    varchar(255) NOT NULL PRIMARY KEY,
  checksum   char(64)     NOT NULL,
  state      varchar(16)  NOT NULL DEFAULT 'applying',
  applied_at datetime(3)  NULL,
  failure    text         NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`;

/** Runs `work` on one connection holding this database's migration lock. */
async function locked<T>(database: Database, work: (s: SqlSession) => Promise<T>): Promise<T> {
  return database.withConnection(async (s) => {
    // GET_LOCK is server-wide: the name includes the database, so test databases do not queue on each other.
    const [row] = await s.query(`SELECT GET_LOCK(SHA1(CONCAT('schema_migrations:', DATABASE())), ?) AS got`, [LOCK_TIMEOUT_SECONDS]);
    if (Number(row?.got) !== 1) {
      throw new MigrationStateError(`Another migrator held the migration lock for more than ${LOCK_TIMEOUT_SECONDS} s`);
    }
    try {
      await s.exec(CREATE_HISTORY);
      return await work(s);
    } finally {
      await s.query(`SELECT RELEASE_LOCK(SHA1(CONCAT('schema_migrations:', DATABASE())))`).catch(() => {});
    }
  });
}

async function history(s: SqlSession): Promise<AppliedRow[]> {
  const rows = await s.query('SELECT version, checksum, state, applied_at, failure FROM schema_migrations ORDER BY version');
  return rows.map((row) => ({
    version: String(row.version),
    checksum: String(row.checksum),
    state: String(row.state),
    // mysql2 parses DATETIME into a Date (in UTC: the pool sets timezone 'Z').
    appliedAt: row.applied_at instanceof Date ? row.applied_at : null,
    failure: typeof row.failure === 'string' ? row.failure : null,
  }));
}

function describeIncomplete(row: AppliedRow): string | null {
  if (row.state === 'applied') return null;
  const file = row.state === 'undoing' ? 'down.sql' : 'up.sql';
  return row.failure === null ? `interrupted while running its ${file}` : `${file} ${row.failure}`;
}

function refuseIfIncomplete(rows: AppliedRow[]): void {
  for (const row of rows) {
    const what = describeIncomplete(row);
    if (what === null) continue;
    throw new MigrationStateError(
      `Migration ${row.version} is incomplete: ${what}. MySQL cannot roll DDL back, so part of it may be in effect. ` +
        `Repair the schema by hand (its down.sql shows how to undo it), then either ` +
        `DELETE FROM schema_migrations WHERE version = '${row.version}' (to run it again) or ` +
        `UPDATE schema_migrations SET state = 'applied', failure = NULL, applied_at = CURRENT_TIMESTAMP(3) WHERE version = '${row.version}' ` +
        `(if you completed it by hand). Nothing else runs until then.`,
    );
  }
}

/** Runs a script statement by statement; on failure records where it stopped and throws. */
async function runScript(s: SqlSession, version: string, file: 'up.sql' | 'down.sql', script: string): Promise<void> {
  const statements = splitStatements(script);
  for (const [i, statement] of statements.entries()) {
    try {
      await s.exec(statement);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const failure =
        `failed at statement ${i + 1} of ${statements.length} (${stripComments(statement).slice(0, 120)}): ${reason}` +
        (i > 0 ? `; statements 1–${i} stayed applied` : '; nothing of it was applied');
      await s.query('UPDATE schema_migrations SET failure = ? WHERE version = ?', [failure, version]).catch(() => {});
      throw new MigrationStateError(`Migration ${version} ${file} ${failure}. Run db:status; see src/db/migrator.ts to recover.`, {
        cause: error,
      });
    }
  }
}

export interface Migrator {
  /** Applies every pending migration; returns the versions applied (empty when up to date). */
  migrate(): Promise<string[]>;
  /** Undoes the last `steps` applied migrations, newest first; returns the versions undone. */
  rollback(steps?: number): Promise<string[]>;
  status(): Promise<MigrationStatus[]>;
}

export function createMigrator(database: Database, dir = MIGRATIONS_DIR): Migrator {
  return {
    async migrate() {
      const migrations = await loadMigrations(dir);
      return locked(database, async (s) => {
        // Read under the lock: another migrator may have applied some meanwhile.
        const rows = await history(s);
        refuseIfIncomplete(rows);
        const done = new Set(rows.map((row) => row.version));
        const applied: string[] = [];
        for (const migration of migrations) {
          if (done.has(migration.version)) continue;
          await s.query(`INSERT INTO schema_migrations (version, checksum, state) VALUES (?, ?, 'applying')`, [
            migration.version,
            migration.checksum,
          ]);
          await runScript(s, migration.version, 'up.sql', migration.up);
          await s.query(`UPDATE schema_migrations SET state = 'applied', applied_at = CURRENT_TIMESTAMP(3) WHERE version = ?`, [
            migration.version,
          ]);
          applied.push(migration.version);
        }
        return applied;
      });
    },

    async rollback(steps = 1) {
      const migrations = new Map((await loadMigrations(dir)).map((m) => [m.version, m]));
      return locked(database, async (s) => {
        refuseIfIncomplete(await history(s));
        const undone: string[] = [];
        for (let i = 0; i < steps; i += 1) {
          const [last] = await s.query('SELECT version FROM schema_migrations ORDER BY version DESC LIMIT 1');
          if (last === undefined) break;
          const version = String(last.version);
          const migration = migrations.get(version);
          if (!migration) throw new Error(`Cannot roll back ${version}: its folder is missing`);
          await s.query(`UPDATE schema_migrations SET state = 'undoing', applied_at = NULL WHERE version = ?`, [version]);
          await runScript(s, version, 'down.sql', migration.down);
          await s.query('DELETE FROM schema_migrations WHERE version = ?', [version]);
          undone.push(version);
        }
        return undone;
      });
    },

    async status() {
      const migrations = await loadMigrations(dir);
      const applied = await locked(database, history);
      const byVersion = new Map(applied.map((row) => [row.version, row]));
      const onDisk = new Set(migrations.map((m) => m.version));
      const fromFiles = migrations.map((m) => {
        const row = byVersion.get(m.version);
        return {
          version: m.version,
          appliedAt: row?.appliedAt ?? null,
          modified: row !== undefined && row.checksum !== m.checksum,
          missingFile: false,
          incomplete: row === undefined ? null : describeIncomplete(row),
        };
      });
      const orphans = applied
        .filter((row) => !onDisk.has(row.version))
        .map((row) => ({ version: row.version, appliedAt: row.appliedAt, modified: false, missingFile: true, incomplete: describeIncomplete(row) }));
      return [...fromFiles, ...orphans].sort((a, b) => a.version.localeCompare(b.version));
    },
  };
}
