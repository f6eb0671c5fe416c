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

function pairsOf(options: StackOptions): string[] {
  const list = factors(options);
  return list.flatMap((a, i) => list.slice(i + 1).map((b) => `${a}|${b}`));
}

/**
 * A few combinations that together contain every pair of factor values that any valid combination
 * contains (pairwise coverage): most interaction bugs need only two choices to meet, and all valid
 * combinations are too many to type-check one by one. Greedy, and deterministic.
 */
export function pairwiseCombinations(required: readonly StackOptions[] = []): StackOptions[] {
  const candidates = validCombinations().map((options) => ({ options, pairs: pairsOf(options) }));
  const uncovered = new Set(candidates.flatMap((c) => c.pairs));
  const chosen: StackOptions[] = [];
  const take = (options: StackOptions) => {
    chosen.push(options);
    for (const pair of pairsOf(options)) uncovered.delete(pair);
  };
  required.forEach(take);
  while (uncovered.size > 0) {
    let best = candidates[0]!;
    let bestGain = -1;
    for (const candidate of candidates) {
      const gain = candidate.pairs.filter((pair) => uncovered.has(pair)).length;
      if (gain > bestGain) [best, bestGain] = [candidate, gain];
    }
    take(best.options);
  }
  return chosen;
}
