import type { PartialOptions, StackOptions } from '../core/options.js';
import { resolveTarget } from '../core/project-name.js';
import { resolveOptions } from '../core/resolve-options.js';
import { cliVersion } from '../core/version.js';
import { generate } from '../generate.js';
import type { StepId } from '../plan/plan.js';
import { resolvePlan } from '../plan/resolve.js';
import { assertTargetUsable, commitTree } from '../tree/commit.js';
import { MemoryTree } from '../tree/memory-tree.js';
import { renderDotenv } from '../updaters/dotenv.js';
import { runSteps, type StepReporter } from '../tasks/run-steps.js';
import { stepOrder, stepSpecs, type StepResult } from '../tasks/steps.js';
import { gitAvailable } from '../tasks/git.js';
import { missingServer } from '../tasks/server-needs.js';
import { readReplaySource, replayResources } from './replay.js';

export interface CreateProjectInput {
  /** Target directory (a path, or `.` for the current one); its name becomes the package name. */
  directory: string;
  cwd?: string;
  /** Option layers, later ones win: typically [preset, flags, answers]. */
  options?: readonly PartialOptions[];
  force?: boolean;
  dryRun?: boolean;
  /** Steps to leave out, e.g. `{ install: true }` for `--no-install`. */
  skip?: Partial<Record<StepId, boolean>>;
  reporter?: StepReporter;
  templatesDir?: string;
  /**
   * A `solid-backend.json` (or the folder holding one) whose options, and resources made by `generate
   * resource`, are replayed exactly; `options` must then be empty. The same CLI version gives the same
   * bytes in every file but `.env` (its secrets are new).
   */
  from?: string;
}

export interface PlannedFile {
  path: string;
  size: number;
}

export interface CreateProjectResult {
  projectName: string;
  targetDir: string;
  options: StackOptions;
  features: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  files: PlannedFile[];
  /** With `from`: the manifest replayed and the CLI version that wrote it. */
  replayedFrom?: { path: string; cliVersion: string; sameCliVersion: boolean; resources: number };
  dryRun: boolean;
  steps: StepResult[];
  /** True when every step that ran passed. */
  ok: boolean;
}

/**
 * Plans, renders in memory, commits atomically, then runs the steps. It never prompts and never exits
 * the process: bad input is a CliError, a failed step is `ok: false` with the step's output tail.
 */
export async function createProject(input: CreateProjectInput): Promise<CreateProjectResult> {
  const cwd = input.cwd ?? process.cwd();
  const { targetDir, projectName } = resolveTarget(input.directory, cwd);
  const replay = input.from === undefined ? undefined : readReplaySource(input.from, cwd, input.options ?? []);
  // A replayed manifest's options pass the same rules as flags: a hand-edited file gets no shortcut.
  const options = resolveOptions(...(replay ? [replay.manifest.options] : (input.options ?? [])));
  assertTargetUsable(targetDir, input.force ?? false);

  const plan = resolvePlan(projectName, options);
  const tree = new MemoryTree();
  generate(plan, tree, { cliVersion, ...(input.templatesDir ? { templatesDir: input.templatesDir } : {}) });
  if (replay && replay.manifest.resources.length > 0) await replayResources(tree, replay.manifest);
  tree.write('.env', renderDotenv(plan.env));

  const dryRun = input.dryRun ?? false;
  const summary = {
    projectName,
    targetDir,
    options,
    features: plan.features.map((f) => f.id),
    dependencies: { ...plan.dependencies },
    devDependencies: { ...plan.devDependencies },
    files: tree.files().map((path) => ({ path, size: tree.size(path) })),
    ...(replay ? { replayedFrom: { path: replay.path, cliVersion: replay.manifest.cliVersion, sameCliVersion: replay.manifest.cliVersion === cliVersion, resources: replay.manifest.resources.length } } : {}),
    dryRun,
  };
  if (dryRun) return { ...summary, steps: [], ok: true };

  commitTree(tree, targetDir, input.force ?? false);

  const skipped = new Map<StepId, string>();
  for (const id of stepOrder) if (input.skip?.[id]) skipped.set(id, `--no-${id}`);
  if (!skipped.has('git') && !(await gitAvailable())) skipped.set('git', 'git is not installed');
  if (skipped.has('install')) {
    for (const id of ['migrate', 'test'] as const) if (!skipped.has(id)) skipped.set(id, 'nothing installed');
  }
  const noServer = await missingServer(plan.features, process.env, tree.readText('.env'));
  if (noServer !== undefined) for (const id of ['migrate', 'test'] as const) if (!skipped.has(id)) skipped.set(id, noServer);
  const steps = await runSteps(stepSpecs(options.packageManager), stepOrder, skipped, targetDir, input.reporter);
  return { ...summary, steps, ok: steps.every((s) => s.status !== 'failed') };
}
