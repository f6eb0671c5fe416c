import { planAdd, type Conflict } from '../add/plan-add.js';
import { targetOptions, type AddRequest } from '../add/target-options.js';
import { CliError } from '../core/errors.js';
import type { StackOptions } from '../core/options.js';
import { cliVersion } from '../core/version.js';
import { selectFeatures } from '../plan/resolve.js';
import { applyChanges } from '../tree/apply-changes.js';
import { readManifest, requireProjectRoot } from '../tree/find-project.js';
import type { StepReporter } from '../tasks/run-steps.js';
import type { StepResult } from '../tasks/steps.js';
import { diskView } from '../tree/disk-view.js';
import { assertCommitted, diffChanges, runStepsAfterChange, type AfterChangeStep } from './project-change.js';

export interface AddFeaturesInput extends AddRequest {
  /** Anywhere inside the project. */
  cwd?: string;
  force?: boolean;
  dryRun?: boolean;
  skip?: Partial<Record<AfterChangeStep, boolean>>;
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
  if (!dryRun) assertCommitted(root, force);
  const { read } = diskView(root);
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
  if (dryRun) return { ...summary, diff: diffChanges(read, plan.changes), steps: [], ok: true };
  if (plan.changes.length === 0) return { ...summary, steps: [], ok: true };
  applyChanges(root, plan.changes);
  const steps = await runStepsAfterChange(root, after.packageManager, plan.changes, input.skip, input.reporter, selectFeatures(after));
  return { ...summary, steps, ok: steps.every((s) => s.status !== 'failed') };
}
