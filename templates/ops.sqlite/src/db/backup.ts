import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Backup and restore of the SQLite file (SQLITE_PATH):
 * - backup: SQLite's online backup API (better-sqlite3's `db.backup()`), a consistent copy taken while the
 *   app keeps running in WAL mode;
 * - restore: a file swap, with the app and the worker STOPPED (a running process keeps the old file open).
 * `npm run db:backup [-- <file>]` / `npm run db:restore -- <file> --yes`; in the image:
 * `node dist/db/backup.js backup <file>`.
 */

export async function backupSqlite(source: string, destination: string): Promise<number> {
  if (!existsSync(source)) throw new Error(`no database file at ${source} (SQLITE_PATH)`);
  mkdirSync(dirname(destination), { recursive: true });
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    const partial = `${destination}.partial`;
    const { totalPages } = await db.backup(partial);
    // Renamed only once complete: an interrupted backup never looks like a finished one.
    renameSync(partial, destination);
    return totalPages;
  } finally {
    db.close();
  }
}

export function restoreSqlite(backup: string, target: string): void {
  const check = new BetterSqlite3(backup, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`${backup} failed SQLite's integrity check: ${String(result)}`);
  } finally {
    check.close();
  }
  mkdirSync(dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  copyFileSync(backup, incoming);
  // The old file's write-ahead log would be replayed onto the restored file: it goes with the old file.
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
}

async function main(argv: string[]): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const target = process.env.SQLITE_PATH || '.data/app.sqlite';
  const [command, file, confirm] = argv;
  if (command === 'backup') {
    const destination = file ?? `.data/backups/${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`;
    await backupSqlite(target, destination);
    process.stdout.write(`${destination}\n`);
    return 0;
  }
  if (command === 'restore' && file !== undefined) {
    if (confirm !== '--yes') {
      process.stderr.write(`restore: this replaces ${target} with ${file}. Stop the app and the worker, then re-run with --yes.\n`);
      return 2;
    }
    restoreSqlite(file, target);
    process.stdout.write(`restored ${file} into ${target}\n`);
    return 0;
  }
  process.stderr.write('usage: backup [file] | restore <file> --yes\n');
  return 2;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
