import { createTwoFilesPatch } from 'diff';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../core/errors.js';
import type { PackageManager } from '../core/options.js';
import type { FeatureManifest } from '../features/types.js';
import type { StepId } from '../plan/plan.js';
import type { FileWrite } from '../tree/apply-changes.js';
import { uncommittedFiles } from '../tasks/git.js';
import { missingServer } from '../tasks/server-needs.js';
import { runSteps, type StepReporter } from '../tasks/run-steps.js';
import { stepSpecs, type StepResult } from '../tasks/steps.js';

/** What `add` and `generate` share once they know their changes: the checks before writing and the steps after. */

export type AfterChangeStep = 'install' | 'migrate' | 'test';

/** Uncommitted changes would mix with ours in one diff the user can no longer review or undo alone. */
export function assertCommitted(root: string, force: boolean): void {
  if (force) return;
  const dirty = uncommittedFiles(root);
  if (dirty.length === 0) return;
  throw new CliError(
    'UNCOMMITTED_CHANGES',
    'The project has uncommitted changes',
    'Commit or stash them first, so this change can be reviewed and undone on its own; or pass --force.',
    dirty.slice(0, 10),
  );
}

function unifiedDiff(path: string, before: Buffer | undefined, after: Buffer | undefined): string {
  if ([before, after].some((content) => content?.includes(0))) return `Binary file ${path} ${after === undefined ? 'deleted' : before === undefined ? 'added' : 'changed'}\n`;
  return createTwoFilesPatch(before ? `a/${path}` : '/dev/null', after ? `b/${path}` : '/dev/null', before?.toString('utf8') ?? '', after?.toString('utf8') ?? '');
}

/** The changes as one unified diff against the files on disk (`--dry-run`). */
export function diffChanges(read: (path: string) => Buffer | undefined, changes: readonly FileWrite[]): string {
  return changes.map((change) => unifiedDiff(change.path, read(change.path), change.content)).join('');
}

/** Install (only when package.json changed), migrate and test, with the same skip flags as create. */
export async function runStepsAfterChange(
  root: string,
  packageManager: PackageManager,
  changes: readonly FileWrite[],
  skip: Partial<Record<AfterChangeStep, boolean>> | undefined,
  reporter: StepReporter | undefined,
  features: readonly FeatureManifest[] = [],
): Promise<StepResult[]> {
  const order: AfterChangeStep[] = ['install', 'migrate', 'test'];
  const skipped = new Map<StepId, string>();
  for (const id of order) if (skip?.[id]) skipped.set(id, `--no-${id}`);
  if (!skipped.has('install') && !changes.some((c) => c.path === 'package.json')) skipped.set('install', 'dependencies unchanged');
  if (skipped.has('install') && !existsSync(join(root, 'node_modules'))) {
    for (const id of ['migrate', 'test'] as const) if (!skipped.has(id)) skipped.set(id, 'nothing installed');
  }
  const dotenvPath = join(root, '.env');
  const noServer = await missingServer(features, process.env, existsSync(dotenvPath) ? readFileSync(dotenvPath, 'utf8') : undefined);
  if (noServer !== undefined) for (const id of ['migrate', 'test'] as const) if (!skipped.has(id)) skipped.set(id, noServer);
  return runSteps(stepSpecs(packageManager), order, skipped, root, reporter);
}
