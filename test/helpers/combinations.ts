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

/** Every `strength`-element subset of a combination's factor values, as one key each. */
function tuplesOf(list: readonly string[], strength: number): string[] {
  if (strength === 0) return [''];
  return list.flatMap((first, i) => tuplesOf(list.slice(i + 1), strength - 1).map((rest) => (rest ? `${first}|${rest}` : first)));
}

/**
 * A few of `candidates` that together contain every `strength`-tuple of factor values that any candidate
 * contains (t-wise coverage): most interaction bugs need only two or three choices to meet. Greedy, and
 * deterministic; `required` are taken first.
 */
export function coveringCombinations(
  candidates: readonly StackOptions[],
  strength: number,
  factorsOf: (options: StackOptions) => string[] = factors,
  required: readonly StackOptions[] = [],
): StackOptions[] {
  const tuples = (options: StackOptions) => tuplesOf(factorsOf(options), strength);
  const scored = candidates.map((options) => ({ options, tuples: tuples(options) }));
  const uncovered = new Set(scored.flatMap((c) => c.tuples));
  const chosen: StackOptions[] = [];
  const take = (options: StackOptions) => {
    chosen.push(options);
    for (const tuple of tuples(options)) uncovered.delete(tuple);
  };
  required.forEach(take);
  while (uncovered.size > 0) {
    let best = scored[0]!;
    let bestGain = -1;
    for (const candidate of scored) {
      const gain = candidate.tuples.filter((tuple) => uncovered.has(tuple)).length;
      if (gain > bestGain) [best, bestGain] = [candidate, gain];
    }
    take(best.options);
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
 * The factors that change a project's TypeScript program: not docker and ci (they add no source), and
 * storage only alongside uploads.
 */
export function programFactors(options: StackOptions): string[] {
  return factors(options).filter(
    (factor) => !/^(docker|ci)=/.test(factor) && !(factor.startsWith('storage=') && !options.features.includes('uploads')),
  );
}
