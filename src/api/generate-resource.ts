import { selectFeatures } from '../plan/resolve.js';
import { readManifest, requireProjectRoot } from '../tree/find-project.js';
import { applyChanges } from '../tree/apply-changes.js';
import { diskView } from '../tree/disk-view.js';
import type { StepReporter } from '../tasks/run-steps.js';
import type { StepResult } from '../tasks/steps.js';
import { assertCommitted, diffChanges, runStepsAfterChange, type AfterChangeStep } from './project-change.js';

export interface GenerateResourceInput {
  /** Anywhere inside the project. */
  cwd?: string;
  name: string;
  /** e.g. `title:string,price:number,published:boolean?` */
  fields: string;
  force?: boolean;
  dryRun?: boolean;
  skip?: Partial<Record<AfterChangeStep, boolean>>;
  reporter?: StepReporter;
}

export interface GenerateResourceResult {
  root: string;
  resource: { singular: string; plural: string };
  migration: string;
  created: string[];
  modified: string[];
  diff?: string;
  dryRun: boolean;
  durationMs: number;
  steps: StepResult[];
  ok: boolean;
}

/** `generate resource`: the resource's files rendered and wired in memory, then written as one unit. */
export async function generateResource(input: GenerateResourceInput): Promise<GenerateResourceResult> {
  const started = performance.now();
  const root = requireProjectRoot(input.cwd ?? process.cwd());
  const manifest = readManifest(root);
  const dryRun = input.dryRun ?? false;
  if (!dryRun) assertCommitted(root, input.force ?? false);
  const project = diskView(root);
  // Loaded here, not at the top: ts-morph is the slowest module to load, and only this command needs it.
  const { resourceChange } = await import('../resource/resource-change.js');
  const { planned, writes, created } = resourceChange(project, manifest, input.name, input.fields);
  const summary = {
    root,
    resource: { singular: planned.name.singular, plural: planned.name.plural },
    migration: planned.migration,
    created,
    modified: writes.map((w) => w.path).filter((path) => !created.includes(path)),
    dryRun,
  };
  if (dryRun) return { ...summary, diff: diffChanges(project.read, writes), durationMs: Math.round(performance.now() - started), steps: [], ok: true };
  applyChanges(root, writes);
  const durationMs = Math.round(performance.now() - started);
  const steps = await runStepsAfterChange(root, manifest.options.packageManager, writes, input.skip, input.reporter, selectFeatures(manifest.options));
  return { ...summary, durationMs, steps, ok: steps.every((s) => s.status !== 'failed') };
}
