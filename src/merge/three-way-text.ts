import { merge } from 'node-diff3';

/**
 * Three-way line merge (diff3, as git merges): the generator's change from `base` to `target` is
 * combined with the user's change from `base` to `mine`. Edits in different places both survive;
 * where both changed the same or adjacent lines, the result is undefined, never a file with conflict
 * markers.
 */
export function mergeText(base: string, target: string, mine: string): string | undefined {
  const result = merge(mine.split('\n'), base.split('\n'), target.split('\n'), { excludeFalseConflicts: true });
  return result.conflict ? undefined : result.result.join('\n');
}
