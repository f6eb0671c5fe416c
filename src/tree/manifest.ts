import { createHash } from 'node:crypto';
import type { StackOptions } from '../core/options.js';
import type { MemoryTree } from './memory-tree.js';

export const manifestFileName = 'solid-backend.json';

/** Files that are the user's from the start and never compared with what was generated. */
export const unmanagedFiles: ReadonlySet<string> = new Set([manifestFileName, '.env']);

export interface ProjectManifest {
  cliVersion: string;
  options: StackOptions;
  features: string[];
  /** sha256 of every generated file, so later commands can tell which ones the user changed. */
  files: Record<string, string>;
}

export function hashContent(content: Buffer | string): string {
  return `sha256-${createHash('sha256').update(content).digest('hex')}`;
}

export function buildManifest(tree: MemoryTree, cliVersion: string, options: StackOptions, features: readonly string[]): ProjectManifest {
  const files: Record<string, string> = {};
  for (const path of tree.files()) {
    if (!unmanagedFiles.has(path)) files[path] = hashContent(tree.read(path)!);
  }
  return { cliVersion, options, features: [...features], files };
}

export function serialiseManifest(manifest: ProjectManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
