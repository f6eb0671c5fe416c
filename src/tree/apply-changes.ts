import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError } from '../core/errors.js';
import { registerCleanup } from './cleanup.js';

export interface FileWrite {
  path: string;
  /** Undefined deletes the file. */
  content: Buffer | undefined;
}

export interface FileSystemOps {
  writeFile: (path: string, content: Buffer) => void;
}

const defaultOps: FileSystemOps = { writeFile: (path, content) => writeFileSync(path, content) };

/** Each file is written beside itself and renamed over the old one, so no file is ever half-written. */
function replace(path: string, content: Buffer, ops: FileSystemOps): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.solid-tmp-${randomBytes(4).toString('hex')}`;
  try {
    ops.writeFile(temporary, content);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Applies changes to an existing project as one unit: the files' previous contents are kept in
 * memory, and if any write fails (or the process is interrupted) every file touched so far is put
 * back as it was, and files that did not exist are removed again.
 */
/** The outermost folder on the way to `path` that does not exist yet, if any. */
function firstMissingFolder(path: string): string | undefined {
  let missing: string | undefined;
  for (let dir = dirname(path); !existsSync(dir); dir = dirname(dir)) missing = dir;
  return missing;
}

export function applyChanges(root: string, changes: readonly FileWrite[], ops: FileSystemOps = defaultOps): void {
  const originals = new Map<string, Buffer | undefined>();
  const createdFolders: string[] = [];
  const restore = () => {
    for (const [path, content] of originals) {
      const absolute = join(root, path);
      if (content === undefined) rmSync(absolute, { force: true });
      else replace(absolute, content, defaultOps);
    }
    // Only folders this run created, so nothing of the user's is inside them.
    for (const folder of createdFolders.reverse()) rmSync(folder, { recursive: true, force: true });
  };
  const unregister = registerCleanup(restore);
  try {
    for (const change of changes) {
      const absolute = join(root, change.path);
      originals.set(change.path, existsSync(absolute) ? readFileSync(absolute) : undefined);
      const folder = firstMissingFolder(absolute);
      if (folder !== undefined) createdFolders.push(folder);
      if (change.content === undefined) rmSync(absolute, { force: true });
      else replace(absolute, change.content, ops);
    }
  } catch (error) {
    restore();
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError('WRITE_FAILED', `Could not write the changes into ${root}: ${reason}`, 'Nothing was changed: every file was restored. Check permissions and free space, then run the command again.');
  } finally {
    unregister();
  }
}
