import { isMultiOption, optionNames, optionValues, stackOptionsSchema, type StackOptions } from '../../src/core/options.js';
import { findViolations } from '../../src/core/rules.js';

function subsets<T>(values: readonly T[]): T[][] {
  return values.reduce<T[][]>((acc, value) => acc.concat(acc.map((set) => [...set, value])), [[]]);
}

/**
 * Every combination of option values the schema offers, before the rules between options are applied:
 * the product of each single option's values and every subset of the features.
 */
export function rawCombinations(): StackOptions[] {
  let partials: Record<string, unknown>[] = [{}];
  for (const name of optionNames) {
    const choices: unknown[] = isMultiOption(name) ? subsets(optionValues(name)) : [...optionValues(name)];
    partials = partials.flatMap((partial) => choices.map((choice) => ({ ...partial, [name]: choice })));
  }
  return partials.map((p) => stackOptionsSchema.parse(p));
}

/** Every combination of option values the schema offers and the rules allow. */
export function validCombinations(): StackOptions[] {
  return rawCombinations().filter((options) => findViolations(options).length === 0);
}

/** `auth=jwt cache=memory … features=ci+docker`: names a combination in test titles and failures. */
export function combinationLabel(options: StackOptions): string {
  return Object.entries(options)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') || '-' : String(value)}`)
    .join(' ');
}

/** One factor per single-valued option and one on/off factor per optional feature: `auth=jwt`, `uploads=on`. */
function factors(options: StackOptions): string[] {
  return optionNames.flatMap((name) =>
    isMultiOption(name)
      ? optionValues(name).map((value) => `${value}=${(options[name] as readonly string[]).includes(value) ? 'on' : 'off'}`)
      : [`${name}=${String(options[name])}`],
  );
}

/** Every `strength`-element subset of `ids` (sorted ascending), each as one number in base `radix`. */
function tupleKeys(ids: readonly number[], strength: number, radix: number): number[] {
  const keys: number[] = [];
  const walk = (from: number, depth: number, key: number) => {
    if (depth === strength) return void keys.push(key);
    for (let i = from; i <= ids.length - (strength - depth); i++) walk(i + 1, depth + 1, key * radix + ids[i]!);
  };
  walk(0, 0, 0);
  return keys;
}

/**
 * A few of `candidates` that together contain every `strength`-tuple of factor values that any candidate
 * contains (t-wise coverage): most interaction bugs need only two or three choices to meet. Greedy, and
 * deterministic; `required` are taken first. Candidates with the same factors count once, and each tuple
 * is a number indexing a bitmap, so a 4-wise cover of tens of thousands of combinations takes seconds.
 */
export function coveringCombinations(
  candidates: readonly StackOptions[],
  strength: number,
  factorsOf: (options: StackOptions) => string[] = factors,
  required: readonly StackOptions[] = [],
): StackOptions[] {
  const valueIds = new Map<string, number>();
  const idsOf = (options: StackOptions) =>
    factorsOf(options)
      .map((value) => valueIds.get(value) ?? valueIds.set(value, valueIds.size).get(value)!)
      .sort((a, b) => a - b);
  const distinct = new Map<string, { options: StackOptions; ids: number[] }>();
  for (const options of [...required, ...candidates]) {
    const ids = idsOf(options);
    const key = ids.join(',');
    if (!distinct.has(key)) distinct.set(key, { options, ids });
  }
  const radix = valueIds.size;
  if (radix ** strength > 2 ** 28) throw new Error(`${radix} factor values to the power ${strength} is too many tuples`);
  const scored = [...distinct.values()].map(({ options, ids }) => ({ options, keys: Int32Array.from(tupleKeys(ids, strength, radix)) }));
  // Which candidates hold each tuple (compressed rows), so taking one updates the others' gains directly.
  const holders = new Uint32Array(radix ** strength + 1);
  for (const { keys } of scored) for (const key of keys) holders[key + 1]!++;
  for (let key = 1; key < holders.length; key++) holders[key]! += holders[key - 1]!;
  const holderList = new Int32Array(holders[holders.length - 1]!);
  const filled = holders.slice(0, -1);
  scored.forEach(({ keys }, index) => keys.forEach((key) => (holderList[filled[key]!++] = index)));
  const gains = Int32Array.from(scored, ({ keys }) => keys.length);
  const covered = new Uint8Array(radix ** strength);
  const chosen: StackOptions[] = [];
  const take = (options: StackOptions, keys: Int32Array) => {
    chosen.push(options);
    for (const key of keys) {
      if (covered[key] === 1) continue;
      covered[key] = 1;
      for (let at = holders[key]!; at < holders[key + 1]!; at++) gains[holderList[at]!]!--;
    }
  };
  required.forEach((options) => take(options, Int32Array.from(tupleKeys(idsOf(options), strength, radix))));
  for (;;) {
    // The first candidate adding the most uncovered tuples (plain greedy, deterministic).
    let best = 0;
    for (let index = 1; index < gains.length; index++) if (gains[index]! > gains[best]!) best = index;
    if (scored.length === 0 || gains[best]! <= 0) break;
    take(scored[best]!.options, scored[best]!.keys);
  }
  return chosen;
}

/**
 * A few combinations that together contain every pair of factor values that any valid combination
 * contains (pairwise coverage); all valid combinations are too many to run one by one.
 */
export function pairwiseCombinations(required: readonly StackOptions[] = []): StackOptions[] {
  return coveringCombinations(validCombinations(), 2, factors, required);
}

/**
 * The factors that change a project's TypeScript program: not ci (a workflow file; the audit script it
 * runs is in every project), and storage only alongside uploads. docker and k8s bring tests of their own.
 */
export function programFactors(options: StackOptions): string[] {
  return factors(options).filter((factor) => !factor.startsWith('ci=') && !(factor.startsWith('storage=') && !options.features.includes('uploads')));
}

/** The features issue 8 added (observability and deployment), multiplying the space by sixteen. */
export const operationsFeatures: readonly string[] = ['metrics', 'sentry', 'otel', 'k8s'];

/**
 * What the matrix gate generates, lints and import-checks: every valid combination of the options as they
 * were before the operations features (those off), a 3-wise cover of the whole valid space over every
 * option value, and `typechecked`. What it type-checks with the native compiler: the combinations of a
 * 4-wise cover of the whole space over the factors that change a program (any four option values that can
 * meet in a project meet in a type-checked one). The whole space is 16 times too big to generate in CI.
 */
export function gateCombinations(): { generated: StackOptions[]; typechecked: StackOptions[]; valid: number } {
  const valid = validCombinations();
  const typechecked = coveringCombinations(valid, 4, programFactors);
  const baseline = valid.filter((options) => !options.features.some((feature) => operationsFeatures.includes(feature)));
  const seen = new Set<string>();
  const generated = [...baseline, ...coveringCombinations(valid, 3), ...typechecked].filter((options) => {
    const label = combinationLabel(options);
    return !seen.has(label) && Boolean(seen.add(label));
  });
  return { generated, typechecked, valid: valid.length };
}
