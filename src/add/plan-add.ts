import { CliError, isCliError } from '../core/errors.js';
import type { StackOptions } from '../core/options.js';
import { generate } from '../generate.js';
import { resolvePlan } from '../plan/resolve.js';
import { hashContent, manifestFileName, serialiseManifest, unmanagedFiles, type ProjectManifest } from '../tree/manifest.js';
import { MemoryTree } from '../tree/memory-tree.js';
import { appendDotenv } from '../updaters/dotenv.js';
import { wiringDelta } from './wiring-delta.js';

/** Read access to the project as it is now (the disk, or a tree in tests). */
export interface ProjectReader {
  read(path: string): Buffer | undefined;
}

export type ChangeKind = 'new' | 'regenerated' | 'wired' | 'merged' | 'deleted' | 'forced';

export interface FileChange {
  path: string;
  /** The new content; undefined deletes the file. */
  content: Buffer | undefined;
  kind: ChangeKind;
}

export interface Conflict {
  path: string;
  reason: string;
}

export interface AddPlan {
  changes: FileChange[];
  /** Files the change needs but the user has made their own; `--force` overwrites them. */
  conflicts: Conflict[];
  addedFeatures: string[];
  removedFeatures: string[];
}

export interface PlanAddInput {
  manifest: ProjectManifest;
  target: StackOptions;
  cliVersion: string;
  force: boolean;
  templatesDir?: string;
}

/** The project as the CLI would generate it for `options`: create, then the resources generated since. */
async function render(options: StackOptions, input: PlanAddInput) {
  const { projectName, resources } = input.manifest;
  const plan = resolvePlan(projectName, options);
  const tree = new MemoryTree();
  generate(plan, tree, { cliVersion: input.cliVersion, ...(input.templatesDir ? { templatesDir: input.templatesDir } : {}) });
  if (resources.length > 0) {
    const { renderResources } = await import('../resource/resource-change.js');
    try {
      renderResources(tree, options, resources);
    } catch (error) {
      if (!isCliError(error)) throw error;
      throw new CliError(error.code, `With these options, a resource you generated no longer fits: ${error.message}`, error.hint, error.details);
    }
  }
  return { plan, tree };
}

const equal = (a: Buffer | undefined, b: Buffer | undefined): boolean => (a === undefined ? b === undefined : b !== undefined && a.equals(b));

/**
 * `add` as a pure function of its inputs: renders the project (with its generated resources) for its
 * current options and for the target ones, and carries the difference between the two into the files
 * as the user has them. A file the user never touched takes the new rendering as is (so `create P` +
 * `add X` is byte for byte `create P+X`); a file they edited gets the change merged in, or is
 * reported as a conflict.
 */
export async function planAdd(project: ProjectReader, input: PlanAddInput): Promise<AddPlan> {
  const { manifest } = input;
  const current = await render(manifest.options, input);
  const next = await render(input.target, input);
  const delta = wiringDelta(current.plan, next.plan);
  const changes: FileChange[] = [];
  const conflicts: Conflict[] = [];
  const hashes: Record<string, string> = { ...manifest.files };
  const paths = [...new Set([...current.tree.files(), ...next.tree.files()])].filter((path) => !unmanagedFiles.has(path)).sort();

  for (const path of paths) {
    const base = current.tree.read(path);
    const target = next.tree.read(path);
    if (equal(base, target)) continue;
    const mine = project.read(path);
    const recorded = manifest.files[path];
    const pristine = mine !== undefined && (hashContent(mine) === recorded || equal(mine, base));
    const conflict = (reason: string, forced: FileChange) => (input.force ? changes.push(forced) : conflicts.push({ path, reason }));
    if (target === undefined) delete hashes[path];
    else hashes[path] = hashContent(target);

    if (target === undefined) {
      if (mine === undefined) continue;
      if (pristine) changes.push({ path, content: undefined, kind: 'deleted' });
      else conflict('you changed it, and the new options no longer use it', { path, content: undefined, kind: 'forced' });
    } else if (equal(mine, target)) {
      continue;
    } else if (mine === undefined) {
      if (base === undefined) changes.push({ path, content: target, kind: 'new' });
      else conflict('you deleted it, and the new options change it', { path, content: target, kind: 'forced' });
    } else if (pristine) {
      changes.push({ path, content: target, kind: 'regenerated' });
    } else if (base === undefined) {
      conflict('a file of yours is where a new one goes', { path, content: target, kind: 'forced' });
    } else {
      // Loaded only when a file was edited: ts-morph alone takes longer to load than the rest of `add` takes to run.
      const { mergeIntoEdited } = await import('./merge-file.js');
      const merged = mergeIntoEdited({ path, base: base.toString('utf8'), target: target.toString('utf8'), mine: mine.toString('utf8'), delta, targetPlan: next.plan });
      if (merged === undefined) conflict('you changed it where the new options change it too', { path, content: target, kind: 'forced' });
      else if (merged.text !== mine.toString('utf8')) changes.push({ path, content: Buffer.from(merged.text), kind: merged.how });
    }
  }

  const dotenv = appendDotenv(project.read('.env')?.toString('utf8'), next.plan.env);
  if (dotenv !== undefined) changes.push({ path: '.env', content: Buffer.from(dotenv), kind: project.read('.env') ? 'merged' : 'new' });
  const before = new Set(manifest.features);
  const after = next.plan.features.map((f) => f.id);
  if (changes.length > 0 || conflicts.length > 0) {
    const updated: ProjectManifest = { ...manifest, cliVersion: input.cliVersion, options: input.target, features: after, files: hashes };
    changes.push({ path: manifestFileName, content: Buffer.from(serialiseManifest(updated)), kind: 'regenerated' });
  }
  return {
    changes,
    conflicts,
    addedFeatures: after.filter((id) => !before.has(id)),
    removedFeatures: [...before].filter((id) => !after.includes(id)),
  };
}
