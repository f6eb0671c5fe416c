import { isRecord } from '../updaters/deep-merge.js';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge of JSON data: `base` is what was generated, `target` what would be generated now,
 * `mine` what the user has. Where only the generator changed a value, the new one is taken; where the
 * user changed it, theirs stays. Records merge key by key in the user's order, new keys appended.
 */
export function mergeJson(base: unknown, target: unknown, mine: unknown): unknown {
  if (same(base, target)) return mine;
  if (same(base, mine)) return target;
  if (!isRecord(base) || !isRecord(target) || !isRecord(mine)) return mine;
  const merged: Record<string, unknown> = {};
  const keys = [...Object.keys(mine), ...Object.keys(target).filter((key) => !(key in mine))];
  for (const key of keys) {
    const value = mergeJson(base[key], target[key], mine[key]);
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** package.json: the JSON merge, with dependency maps sorted the way npm writes them. */
export function mergePackageJsonText(base: string, target: string, mine: string): string {
  const merged = mergeJson(JSON.parse(base), JSON.parse(target), JSON.parse(mine));
  if (isRecord(merged)) {
    for (const field of ['dependencies', 'devDependencies']) {
      const deps = merged[field];
      if (isRecord(deps)) merged[field] = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  return `${JSON.stringify(merged, null, 2)}\n`;
}
