import { applyPatch, structuredPatch } from 'diff';

/**
 * Replays the generator's own change (`base` → `target`) onto the user's version of a file, as
 * `git apply` would: it succeeds only where the lines around each change are still as generated.
 * Returns undefined when a hunk does not apply; nothing is ever half-applied.
 */
export function replayChange(base: string, target: string, mine: string): string | undefined {
  const patch = structuredPatch('a', 'b', base, target, undefined, undefined, { context: 3 });
  const result = applyPatch(mine, patch);
  return result === false ? undefined : result;
}
