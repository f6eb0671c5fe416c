import { createTwoFilesPatch } from 'diff';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planAdd, type Conflict } from '../add/plan-add.js';
import { targetOptions, type AddRequest } from '../add/target-options.js';
import { CliError } from '../core/errors.js';
import type { StackOptions } from '../core/options.js';
import { cliVersion } from '../core/version.js';
import type { StepId } from '../plan/plan.js';
import { applyChanges } from '../tree/apply-changes.js';
import { readManifest, requireProjectRoot } from '../tree/find-project.js';
import { uncommittedFiles } from '../tasks/git.js';
import { runSteps, type StepReporter } from '../tasks/run-steps.js';
import { stepSpecs, type StepResult } from '../tasks/steps.js';

export interface AddFeaturesInput extends AddRequest {
  /** Anywhere inside the project. */
  cwd?: string;
  force?: boolean;
  dryRun?: boolean;
  skip?: Partial<Record<'install' | 'migrate' | 'test', boolean>>;
  reporter?: StepReporter;
  templatesDir?: string;
}

export interface AddFeaturesResult {
  root: string;
  before: StackOptions;
  after: StackOptions;
  addedFeatures: string[];
  removedFeatures: string[];
  changes: { path: string; kind: string }[];
  /** Edited files that `--force` overwrote. */
  overwritten: string[];
  /** Unified diff of every change (dry run only). */
  diff?: string;
  dryRun: boolean;
  steps: StepResult[];
  ok: boolean;
}

const readFrom = (root: string) => (path: string) => {
  const absolute = join(root, path);
  return existsSync(absolute) ? readFileSync(absolute) : undefined;
};

function unifiedDiff(path: string, before: Buffer | undefined, after: Buffer | undefined): string {
  if ([before, after].some((content) => content?.includes(0))) return `Binary file ${path} ${after === undefined ? 'deleted' : before === undefined ? 'added' : 'changed'}\n`;
  return createTwoFilesPatch(before ? `a/${path}` : '/dev/null', after ? `b/${path}` : '/dev/null', before?.toString('utf8') ?? '', after?.toString('utf8') ?? '');
}

function refuseConflicts(conflicts: readonly Conflict[]): void {
  if (conflicts.length === 0) return;
  throw new CliError(
    'EDITED_FILES',
    `${conflicts.length} file${conflicts.length === 1 ? '' : 's'} you changed would have to be overwritten; nothing was written`,
    'Undo your changes there, or re-run with --force to overwrite them (commit first, so git keeps your version).',
    conflicts.map((c) => `${c.path}: ${c.reason}`),
  );
}

/**
 * Adds features to the project around `cwd` through the create pipeline: plan, render in memory,
 * merge into the user's files, write as one unit, then install, migrate and test. Never prompts and
 * never exits the process.
 */
export async function addFeatures(input: AddFeaturesInput): Promise<AddFeaturesResult> {
  const root = requireProjectRoot(input.cwd ?? process.cwd());
  const manifest = readManifest(root);
  const after = targetOptions(manifest.options, input);
  const force = input.force ?? false;
  const dryRun = input.dryRun ?? false;
  if (!force && !dryRun) {
    const dirty = uncommittedFiles(root);
    if (dirty.length > 0) {
      throw new CliError('UNCOMMITTED_CHANGES', 'The project has uncommitted changes', 'Commit or stash them first, so the change `add` makes can be reviewed and undone on its own; or pass --force.', dirty.slice(0, 10));
    }
  }
  const read = readFrom(root);
  const plan = await planAdd({ read }, { manifest, target: after, cliVersion, force, ...(input.templatesDir ? { templatesDir: input.templatesDir } : {}) });
  refuseConflicts(plan.conflicts);
  const summary = {
    root,
    before: manifest.options,
    after,
    addedFeatures: plan.addedFeatures,
    removedFeatures: plan.removedFeatures,
    changes: plan.changes.map(({ path, kind }) => ({ path, kind })),
    overwritten: plan.changes.filter((c) => c.kind === 'forced').map((c) => c.path),
    dryRun,
  };
  if (dryRun) {
    const diff = plan.changes.map((c) => unifiedDiff(c.path, read(c.path), c.content)).join('');
    return { ...summary, diff, steps: [], ok: true };
  }
  if (plan.changes.length === 0) return { ...summary, steps: [], ok: true };
  applyChanges(root, plan.changes);

  const skipped = new Map<StepId, string>();
  for (const id of ['install', 'migrate', 'test'] as const) if (input.skip?.[id]) skipped.set(id, `--no-${id}`);
  if (!skipped.has('install') && !plan.changes.some((c) => c.path === 'package.json')) skipped.set('install', 'dependencies unchanged');
  if (skipped.has('install') && !existsSync(join(root, 'node_modules'))) for (const id of ['migrate', 'test'] as const) if (!skipped.has(id)) skipped.set(id, 'nothing installed');
  const steps = await runSteps(stepSpecs(after.packageManager), ['install', 'migrate', 'test'], skipped, root, input.reporter);
  return { ...summary, steps, ok: steps.every((s) => s.status !== 'failed') };
}
