import { createHash } from 'node:crypto';
import { z } from 'zod';
import { stackOptionsSchema } from '../core/options.js';
import type { MemoryTree } from './memory-tree.js';

export const manifestFileName = 'solid-backend.json';

/** Files that are the user's from the start and never compared with what was generated. */
export const unmanagedFiles: ReadonlySet<string> = new Set([manifestFileName, '.env']);

/** The project's record of what generated it; later commands read it back through this schema. */
export const projectManifestSchema = z.object({
  cliVersion: z.string(),
  projectName: z.string(),
  options: stackOptionsSchema,
  features: z.array(z.string()),
  /** Resources made by `generate resource`, in order: `add` re-renders them for the new options too. */
  resources: z.array(z.object({ name: z.string(), fields: z.string(), migration: z.string().regex(/^\d{4}$/) })).default([]),
  /** sha256 of every generated file as the CLI last wrote it, so later commands can tell which ones the user changed. */
  files: z.record(z.string(), z.string().regex(/^sha256-[0-9a-f]{64}$/)),
});

export type ProjectManifest = z.output<typeof projectManifestSchema>;
export type RecordedResource = ProjectManifest['resources'][number];

export function hashContent(content: Buffer | string): string {
  return `sha256-${createHash('sha256').update(content).digest('hex')}`;
}

export function fileHashes(tree: MemoryTree): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of tree.files()) {
    if (!unmanagedFiles.has(path)) files[path] = hashContent(tree.read(path)!);
  }
  return files;
}

export function serialiseManifest(manifest: ProjectManifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}
