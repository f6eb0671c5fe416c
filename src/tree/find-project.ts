import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError } from '../core/errors.js';
import { describeIssues } from '../core/presets.js';
import { manifestFileName, projectManifestSchema, type ProjectManifest } from './manifest.js';

/** Walks up from `start` to the nearest generated project's root, as git does for `.git`. */
export function findProjectRoot(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, manifestFileName))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The root of the project around `cwd`, or a usage error that says how to get one. */
export function requireProjectRoot(cwd: string): string {
  const root = findProjectRoot(cwd);
  if (root === undefined) {
    throw new CliError('NOT_A_PROJECT', `No ${manifestFileName} in ${cwd} or any folder above it`, 'Run this inside a project made by create-solid-backend (or create one: `npx create-solid-backend my-api`).');
  }
  return root;
}

export function readManifest(root: string): ProjectManifest {
  return readManifestFile(join(root, manifestFileName));
}

/** A project manifest at `path`, validated by the schema every command reads it with. */
export function readManifestFile(path: string): ProjectManifest {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError('INVALID_MANIFEST', `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, 'Restore it from git (`git checkout -- solid-backend.json`).');
  }
  const parsed = projectManifestSchema.safeParse(data);
  if (!parsed.success) throw new CliError('INVALID_MANIFEST', `${path} does not describe a project`, 'Restore it from git (`git checkout -- solid-backend.json`).', describeIssues(parsed.error));
  return parsed.data;
}
