import { readManifest, requireProjectRoot } from '../tree/find-project.js';
import { applyChanges, type FileWrite } from '../tree/apply-changes.js';
import { diskView } from '../tree/disk-view.js';
import { hashContent, manifestFileName, serialiseManifest } from '../tree/manifest.js';
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

/**
 * `generate resource`: the resource's files rendered and wired in memory, then written as one unit.
 * New files enter the manifest as generated; the files wired to reach them keep their recorded
 * hash, so they count as the user's own from now on and a later `add` merges into them.
 */
export async function generateResource(input: GenerateResourceInput): Promise<GenerateResourceResult> {
  const started = performance.now();
  const root = requireProjectRoot(input.cwd ?? process.cwd());
  const manifest = readManifest(root);
  const dryRun = input.dryRun ?? false;
  if (!dryRun) assertCommitted(root, input.force ?? false);
  const project = diskView(root);
  // Loaded here, not at the top: ts-morph is the slowest module to load, and only this command needs it.
  const { planResource } = await import('../resource/plan-resource.js');
  const planned = planResource(project, manifest.options, input.name, input.fields);
  const changes: FileWrite[] = [...planned.files].sort(([a], [b]) => a.localeCompare(b)).map(([path, text]) => ({ path, content: Buffer.from(text) }));
  const created = changes.filter((c) => project.read(c.path) === undefined).map((c) => c.path);
  const files = { ...manifest.files };
  for (const change of changes) if (created.includes(change.path) && change.content) files[change.path] = hashContent(change.content);
  changes.push({ path: manifestFileName, content: Buffer.from(serialiseManifest({ ...manifest, files })) });
  const summary = {
    root,
    resource: { singular: planned.name.singular, plural: planned.name.plural },
    migration: planned.migration,
    created,
    modified: changes.map((c) => c.path).filter((path) => !created.includes(path)),
    dryRun,
  };
  if (dryRun) return { ...summary, diff: diffChanges(project.read, changes), durationMs: Math.round(performance.now() - started), steps: [], ok: true };
  applyChanges(root, changes);
  const durationMs = Math.round(performance.now() - started);
  const steps = await runStepsAfterChange(root, manifest.options.packageManager, changes, input.skip, input.reporter);
  return { ...summary, durationMs, steps, ok: steps.every((s) => s.status !== 'failed') };
}
