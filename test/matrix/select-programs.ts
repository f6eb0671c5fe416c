import type { StackOptions } from '../../src/core/options.js';
import { combinationLabel, coveringCombinations, programFactors } from '../helpers/combinations.js';
import type { DistinctProgram } from './generate-matrix.js';

/** PostgreSQL: every program. SQLite and MySQL: programs that together hold every 4-tuple of program factor values. */
export const EXHAUSTIVE_DATABASE = 'postgres';
export const COVERING_STRENGTH = 4;

/**
 * Which distinct programs the native compiler checks (indexes into `programs`). All of them for the
 * original database; for each other database, the programs of a 4-wise covering set of its valid
 * combinations over the factors that change a program (any four option values meet in a checked
 * program). Every combination is still generated, linted and import-checked, and the presets and a
 * pairwise set over every database also run TypeScript 6 and `eslint .`: the cover only keeps the gate's
 * compile time within CI's budget (all 864 programs take about 13 minutes on 2 cores, 140 instead of
 * 432 for the two other databases take a third of that).
 */
export function programsToTypecheck(programs: readonly DistinctProgram[], combinations: readonly StackOptions[]): { indexes: number[]; byDatabase: Record<string, number> } {
  const programOf = new Map<string, number>();
  programs.forEach((program, index) => program.combinations.forEach((label) => programOf.set(label, index)));
  const chosen = new Set<number>();
  const byDatabase: Record<string, number> = {};
  const databases = [...new Set(combinations.map((options) => options.database))];
  for (const database of databases) {
    const own = combinations.filter((options) => options.database === database);
    const picked = database === EXHAUSTIVE_DATABASE ? own : coveringCombinations(own, COVERING_STRENGTH, programFactors);
    const indexes = new Set(picked.map((options) => programOf.get(combinationLabel(options))).filter((index): index is number => index !== undefined));
    byDatabase[database] = indexes.size;
    for (const index of indexes) chosen.add(index);
  }
  return { indexes: [...chosen].sort((a, b) => a - b), byDatabase };
}
