import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { manifestFileName, type ProjectManifest } from './manifest.js';

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

export function readManifest(root: string): ProjectManifest {
  return JSON.parse(readFileSync(join(root, manifestFileName), 'utf8')) as ProjectManifest;
}
