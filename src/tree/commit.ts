import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from '../core/errors.js';
import { registerCleanup } from './cleanup.js';
import type { MemoryTree } from './memory-tree.js';

export type TargetState = 'missing' | 'empty' | 'non-empty';

export function inspectTarget(targetDir: string): TargetState {
  if (!existsSync(targetDir)) return 'missing';
  if (!statSync(targetDir).isDirectory()) {
    throw new CliError('TARGET_NOT_EMPTY', `${targetDir} exists and is not a directory`, 'Choose another project name.');
  }
  return readdirSync(targetDir).length === 0 ? 'empty' : 'non-empty';
}

export function assertTargetUsable(targetDir: string, force: boolean): TargetState {
  const state = inspectTarget(targetDir);
  if (state === 'non-empty' && !force) {
    throw new CliError('TARGET_NOT_EMPTY', `Directory ${targetDir} is not empty`, 'Choose a new directory, empty this one, or pass --force to write into it anyway.');
  }
  return state;
}

/**
 * Writes the whole tree into a temporary sibling directory, then moves it into place with renames, so
 * the target either receives the complete project or nothing. The sibling lives on the same file
 * system as the target, which keeps every rename atomic.
 */
export function commitTree(tree: MemoryTree, targetDir: string, force: boolean, writeFile: typeof writeFileSync = writeFileSync): void {
  const state = assertTargetUsable(targetDir, force);
  const staging = join(dirname(targetDir), `.${basename(targetDir)}.solid-tmp-${randomBytes(4).toString('hex')}`);
  const unregister = registerCleanup(() => rmSync(staging, { recursive: true, force: true }));
  try {
    mkdirSync(staging, { recursive: true });
    for (const path of tree.files()) {
      const destination = join(staging, path);
      mkdirSync(dirname(destination), { recursive: true });
      writeFile(destination, tree.read(path)!);
    }
    if (state === 'missing') {
      renameSync(staging, targetDir);
    } else {
      for (const entry of readdirSync(staging)) {
        const destination = join(targetDir, entry);
        rmSync(destination, { recursive: true, force: true });
        renameSync(join(staging, entry), destination);
      }
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof CliError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError('WRITE_FAILED', `Could not write the project to ${targetDir}: ${reason}`, 'Check that the parent directory is writable and has free space.');
  } finally {
    unregister();
  }
}
