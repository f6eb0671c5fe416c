import type { StackOptions } from '../core/options.js';
import type { FileWrite } from '../tree/apply-changes.js';
import { hashContent, manifestFileName, serialiseManifest, type ProjectManifest, type RecordedResource } from '../tree/manifest.js';
import type { MemoryTree } from '../tree/memory-tree.js';
import { planResource, type ProjectView, type ResourceChanges } from './plan-resource.js';

export interface ResourceChange {
  planned: ResourceChanges;
  /** Every file to write, the manifest last. */
  writes: FileWrite[];
  created: string[];
}

/**
 * A new resource as a change to the project: its files, and a manifest that records it (so `add`
 * renders it again for new options) with the hash of every file it wrote, the wired ones included:
 * from now on they are "as generated" for this project.
 */
export function resourceChange(project: ProjectView, manifest: ProjectManifest, name: string, fields: string): ResourceChange {
  const planned = planResource(project, manifest.options, name, fields);
  const writes: FileWrite[] = [...planned.files].sort(([a], [b]) => a.localeCompare(b)).map(([path, text]) => ({ path, content: Buffer.from(text) }));
  const existing = new Set(project.files());
  const created = writes.map((w) => w.path).filter((path) => !existing.has(path));
  const files = { ...manifest.files };
  for (const write of writes) if (write.content) files[write.path] = hashContent(write.content);
  const migration = /^migrations\/(\d{4})_/.exec(planned.migration)?.[1] ?? '';
  const resources: RecordedResource[] = [...manifest.resources, { name, fields, migration }];
  writes.push({ path: manifestFileName, content: Buffer.from(serialiseManifest({ ...manifest, resources, files })) });
  return { planned, writes, created };
}

/** Renders the recorded resources into a freshly generated tree, in the order they were generated. */
export function renderResources(tree: MemoryTree, options: StackOptions, resources: readonly RecordedResource[]): void {
  for (const resource of resources) {
    const planned = planResource(tree, options, resource.name, resource.fields, resource.migration);
    for (const [path, text] of planned.files) tree.write(path, text);
  }
}
