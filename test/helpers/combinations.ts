import { isMultiOption, optionNames, optionValues, stackOptionsSchema, type StackOptions } from '../../src/core/options.js';
import { findViolations } from '../../src/core/rules.js';

function subsets<T>(values: readonly T[]): T[][] {
  return values.reduce<T[][]>((acc, value) => acc.concat(acc.map((set) => [...set, value])), [[]]);
}

/** Every combination of option values the schema offers and the rules allow. */
export function validCombinations(): StackOptions[] {
  let partials: Record<string, unknown>[] = [{}];
  for (const name of optionNames) {
    const choices: unknown[] = isMultiOption(name) ? subsets(optionValues(name)) : [...optionValues(name)];
    partials = partials.flatMap((partial) => choices.map((choice) => ({ ...partial, [name]: choice })));
  }
  return partials.map((p) => stackOptionsSchema.parse(p)).filter((options) => findViolations(options).length === 0);
}
