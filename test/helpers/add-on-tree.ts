import { planAdd, type AddPlan } from '../../src/add/plan-add.js';
import { targetOptions, type AddRequest } from '../../src/add/target-options.js';
import { projectManifestSchema } from '../../src/tree/manifest.js';
import type { MemoryTree } from '../../src/tree/memory-tree.js';

/** `solid-backend add` on an in-memory project: plans against the tree and applies the result to it. */
export async function addOnTree(tree: MemoryTree, request: AddRequest, force = false): Promise<AddPlan> {
  const manifest = projectManifestSchema.parse(JSON.parse(tree.readText('solid-backend.json')!));
  const target = targetOptions(manifest.options, request);
  const plan = await planAdd({ read: (path) => tree.read(path) }, { manifest, target, cliVersion: '0.0.0-test', force });
  if (plan.conflicts.length > 0 && !force) return plan;
  for (const change of plan.changes) {
    if (change.content === undefined) tree.delete(change.path);
    else tree.write(change.path, change.content);
  }
  return plan;
}
