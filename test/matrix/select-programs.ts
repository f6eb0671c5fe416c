import type { StackOptions } from '../../src/core/options.js';
import { combinationLabel } from '../helpers/combinations.js';
import type { DistinctProgram } from './generate-matrix.js';

/**
 * Which distinct programs the native compiler checks (indexes into `programs`): the programs of the
 * `typechecked` combinations (a 4-wise cover of every valid combination over the factors that change a
 * program, see gateCombinations), counted per database for the report.
 */
export function programsToTypecheck(programs: readonly DistinctProgram[], typechecked: readonly StackOptions[]): { indexes: number[]; byDatabase: Record<string, number> } {
  const programOf = new Map<string, number>();
  programs.forEach((program, index) => program.combinations.forEach((label) => programOf.set(label, index)));
  const chosen = new Map<number, string>();
  for (const options of typechecked) {
    const index = programOf.get(combinationLabel(options));
    if (index === undefined) throw new Error(`not generated: ${combinationLabel(options)}`);
    chosen.set(index, options.database);
  }
  const byDatabase: Record<string, number> = {};
  for (const database of chosen.values()) byDatabase[database] = (byDatabase[database] ?? 0) + 1;
  return { indexes: [...chosen.keys()].sort((a, b) => a - b), byDatabase };
}
