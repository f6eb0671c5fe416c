import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folders that hold installs, builds and local data, never source: not walked. */
const skippedFolders: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'coverage', '.data']);

/** A generated project on disk, read the way the in-memory tree is: project-relative POSIX paths. */
export interface DiskView {
  read(path: string): Buffer | undefined;
  readText(path: string): string | undefined;
  files(): string[];
}

export function diskView(root: string): DiskView {
  let listed: string[] | undefined;
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : walk(path);
      return entry.isFile() ? [path] : [];
    });
  const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path)) : undefined);
  return {
    read,
    readText: (path) => read(path)?.toString('utf8'),
    files: () => (listed ??= walk('').sort()),
  };
}
