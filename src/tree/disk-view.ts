import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Installed, built, generated or runtime data: never the project's own source, so never walked. */
export const skippedFolders: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'coverage', '.data']);

/**
 * Every file of the project below `root`, as sorted project-relative POSIX paths. Symbolic links are
 * not followed: a linked node_modules or a loop must not be walked.
 */
export function listProjectFiles(root: string, relative = ''): string[] {
  return readdirSync(join(root, relative), { withFileTypes: true })
    .flatMap((entry) => {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : listProjectFiles(root, path);
      return entry.isFile() ? [path] : [];
    })
    .sort();
}

/** A generated project on disk, read the way the in-memory tree is: project-relative POSIX paths. */
export interface DiskView {
  read(path: string): Buffer | undefined;
  readText(path: string): string | undefined;
  files(): string[];
}

export function diskView(root: string): DiskView {
  let listed: string[] | undefined;
  const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path)) : undefined);
  return {
    read,
    readText: (path) => read(path)?.toString('utf8'),
    files: () => (listed ??= listProjectFiles(root)),
  };
}
