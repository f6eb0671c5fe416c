import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { listProjectFiles, skippedFolders } from '../tree/disk-view.js';
import type { MemoryTree } from '../tree/memory-tree.js';

/**
 * How checks see the project: project-relative POSIX paths, read as text. The disk implementation is the
 * real one; the memory one lets unit tests audit a freshly generated tree with one file broken.
 */
export interface ProjectFiles {
  /** Every file outside the folders below, sorted. */
  list(): string[];
  read(path: string): string | undefined;
  /** A file or a folder (node_modules counts, though list() never walks it). */
  exists(path: string): boolean;
}

/** Larger files are data or bundles, not code a check needs to read. */
const maxReadBytes = 2 * 1024 * 1024;

export function diskProjectFiles(root: string): ProjectFiles {
  let listing: string[] | undefined;
  return {
    list() {
      listing ??= listProjectFiles(root);
      return listing;
    },
    read(path) {
      const absolute = join(root, path);
      try {
        if (statSync(absolute).size > maxReadBytes) return undefined;
        return readFileSync(absolute, 'utf8');
      } catch {
        return undefined;
      }
    },
    exists: (path) => existsSync(join(root, path)),
  };
}

export function memoryProjectFiles(tree: MemoryTree): ProjectFiles {
  return {
    list: () => tree.files().filter((path) => !path.split('/').some((segment) => skippedFolders.has(segment))),
    read: (path) => tree.readText(path),
    exists: (path) => {
      const clean = posix.normalize(path).replace(/\/$/, '');
      return tree.exists(clean) || tree.files().some((file) => file.startsWith(`${clean}/`));
    },
  };
}
