import pc from 'picocolors';
import type { CreateProjectResult } from '../api/create-project.js';
import type { StackOptions } from '../core/options.js';
import { CliError } from '../core/errors.js';
import { packageManagerCommands } from '../render/context.js';
import type { StepResult } from '../tasks/steps.js';
import { formatDuration } from './reporter.js';

export type Writer = (line: string) => void;

export function printError(error: unknown, debug: boolean, write: Writer): void {
  if (error instanceof CliError) {
    write(`${pc.red('✖')} ${error.message}`);
    for (const detail of error.details ?? []) write(`  ${pc.dim('•')} ${detail}`);
    if (error.hint) write(`  ${pc.dim(error.hint)}`);
  } else {
    write(`${pc.red('✖')} Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    if (!debug) write(pc.dim('  Re-run with --debug for the stack trace, and please report it.'));
  }
  if (debug && error instanceof Error && error.stack) write(pc.dim(error.stack));
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

export function printDryRun(result: CreateProjectResult, write: Writer): void {
  write(pc.bold(`Plan for ${result.projectName} → ${result.targetDir} (dry run: nothing written)`));
  write(`Options:  ${Object.entries(result.options).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') || '-' : v}`).join('  ')}`);
  write(`Features: ${result.features.join(', ')}`);
  write(`Files (${result.files.length}):`);
  for (const file of result.files) write(`  ${file.path} ${pc.dim(formatSize(file.size))}`);
  const deps = Object.entries(result.dependencies).map(([name, version]) => `${name}@${version}`);
  const devDeps = Object.entries(result.devDependencies).map(([name, version]) => `${name}@${version}`);
  write(`Dependencies (${deps.length}): ${deps.join(' ')}`);
  write(`Dev dependencies (${devDeps.length}): ${devDeps.join(' ')}`);
  write('Steps: write files atomically, install, git init + first commit (lockfile included), migrate, test');
}

/** A failed step's output tail, then what the user can do about it. */
export function printFailedStep(failed: StepResult, next: string, write: Writer): void {
  write(`${pc.red('✖')} ${failed.title} failed. Its last output:`);
  for (const line of (failed.detail ?? '').split('\n')) write(pc.dim(`  │ ${line}`));
  write(next);
}

/** `--quiet`: nothing on success; a failed step's output tail on stderr, for the pipeline's log. */
export function printQuietFailure(steps: readonly StepResult[], next: string, write: Writer): void {
  const failed = steps.find((step) => step.status === 'failed');
  if (failed) printFailedStep(failed, next, write);
}

/** After `add` or `generate`: the files are written whatever a later step does. */
export const afterChangeFailed = 'The files are written; fix the problem and re-run the step, or undo the change with git.';

/** What the next steps say about each database. */
const databaseHints: Readonly<Record<StackOptions['database'], { dev: string; note?: string }>> = {
  postgres: { dev: 'embedded PGlite, no server needed', note: 'Set DATABASE_URL in .env to use a real PostgreSQL server.' },
  sqlite: { dev: 'SQLite file .data/app.sqlite, no server needed', note: 'Set SQLITE_PATH to keep the database file elsewhere.' },
  mysql: {
    dev: 'MySQL/MariaDB at DATABASE_URL',
    note: 'Tests create a database per test file, so they need a user allowed to (with compose: DATABASE_URL=mysql://root:app@localhost:3306/app npm test).',
  },
};

export function printSummary(result: CreateProjectResult, relativeDir: string, write: Writer): void {
  const failed = result.steps.find((step) => step.status === 'failed');
  const pm = packageManagerCommands[result.options.packageManager];
  if (failed) {
    write('');
    printFailedStep(failed, `The project is in ${relativeDir}; fix the problem there and re-run the step.`, write);
    return;
  }
  const installed = result.steps.some((step) => step.id === 'install' && step.status === 'passed');
  const total = result.steps.reduce((sum, step) => sum + step.durationMs, 0);
  write('');
  write(`${pc.green('✔')} Created ${pc.bold(result.projectName)} with ${result.files.length} files ${pc.dim(`(steps took ${formatDuration(total)})`)}`);
  write('Next:');
  write(`  cd ${relativeDir}`);
  const database = databaseHints[result.options.database];
  const migrated = result.steps.some((step) => step.id === 'migrate' && step.status === 'passed');
  if (result.options.database === 'mysql' && !migrated) {
    write(
      result.options.features.includes('docker')
        ? `  docker compose up -d mariadb   ${pc.dim('# the MariaDB 10.11 that DATABASE_URL in .env points at')}`
        : `  ${pc.dim('# set DATABASE_URL in .env to your MySQL/MariaDB server')}`,
    );
  }
  if (!installed) write(`  ${pm.install} && ${pm.run} db:migrate`);
  else if (!migrated) write(`  ${pm.run} db:migrate`);
  write(`  ${pm.run} dev          ${pc.dim(`# http://localhost:3000/docs — ${database.dev}`)}`);
  write(`  ${pm.run} test`);
  if (database.note) write(pc.dim(`  ${database.note}`));
  if (result.options.cache === 'redis') write(pc.dim('  Set REDIS_URL to share the cache and rate limits through Redis (required in production).'));
  if (result.options.auth !== 'none') write(pc.dim('  docs/auth.md explains how clients authenticate.'));
}
