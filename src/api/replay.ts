import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from '../core/errors.js';
import type { PartialOptions } from '../core/options.js';
import { readManifestFile } from '../tree/find-project.js';
import { fileHashes, manifestFileName, serialiseManifest, type ProjectManifest } from '../tree/manifest.js';
import type { MemoryTree } from '../tree/memory-tree.js';

export interface ReplaySource {
  /** The manifest file read. */
  path: string;
  manifest: ProjectManifest;
}

/**
 * The project manifest `--from` names (the file, or a project folder holding it). Options given beside
 * it are refused rather than layered: a replay that silently changed one value would not be one.
 */
export function readReplaySource(from: string, cwd: string, otherOptions: readonly PartialOptions[]): ReplaySource {
  if (otherOptions.some((layer) => Object.keys(layer).length > 0)) {
    throw new CliError(
      'INVALID_OPTION',
      '--from replays a project exactly, so it cannot be combined with --preset or option flags',
      'Drop them, or create from the preset and flags instead (create-solid-backend my-api --preset standard --cache redis).',
    );
  }
  const given = resolve(cwd, from);
  const path = existsSync(given) && statSync(given).isDirectory() ? join(given, manifestFileName) : given;
  if (!existsSync(path)) {
    throw new CliError('INVALID_MANIFEST', `${path} does not exist`, `Pass the ${manifestFileName} of a generated project, or the project's folder.`);
  }
  // readManifest validates with the same schema `add` uses, so a hand-written file gets the same errors.
  return { path, manifest: readManifestFile(path) };
}

/** The resources the replayed project generated, rendered again in order, and recorded as `generate` records them. */
export async function replayResources(tree: MemoryTree, manifest: ProjectManifest): Promise<void> {
  // Loaded only when there are resources: ts-morph is the slowest module to load.
  const { renderResources } = await import('../resource/resource-change.js');
  renderResources(tree, manifest.options, manifest.resources);
  const current = JSON.parse(tree.readText(manifestFileName)!) as ProjectManifest;
  tree.write(manifestFileName, serialiseManifest({ ...current, resources: manifest.resources, files: fileHashes(tree) }));
}
