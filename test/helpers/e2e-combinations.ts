import { flagName, isMultiOption, optionNames, optionNeedsFeature, optionValues, type OptionName, type PartialOptions, type StackOptions } from '../../src/core/options.js';
import { loadPreset } from '../../src/core/presets.js';
import { parseFlags, resolveOptions, type RawFlags } from '../../src/core/resolve-options.js';
import { validCombinations } from './combinations.js';

/** A project an e2e file creates, installs and runs the generated tests of, named by its CLI flags. */
export interface E2eCombination {
  /** The file under test/e2e that creates it. */
  file: string;
  args: readonly string[];
  /** How the project gets there when it is not `create` alone. */
  note?: string;
}

/**
 * Every combination the e2e files run the generated tests of, in one place: the unit tests check that
 * together they use every option value, so a new value without an e2e run fails there. Keep it in step
 * with the e2e files (create-remaining-values.test.ts reads its flags from here).
 */
export const e2eCombinations: readonly E2eCombination[] = [
  { file: 'create-defaults.test.ts', args: ['--yes'] },
  { file: 'create-minimal-postgres.test.ts', args: ['--preset', 'minimal'] },
  { file: 'create-full-preset.test.ts', args: ['--preset', 'full'] },
  { file: 'create-auth-modes.test.ts', args: ['--auth', 'session', '--features', ''] },
  { file: 'create-auth-modes.test.ts', args: ['--auth', 'api-key', '--features', ''] },
  { file: 'create-auth-modes.test.ts', args: ['--auth', 'none', '--features', ''] },
  {
    file: 'living-with-a-project.test.ts',
    args: ['--preset', 'minimal', '--cache', 'redis', '--features', 'email,webhooks'],
    note: 'created as minimal, then `add webhooks`, `add cache --cache redis`, `add email`',
  },
  {
    file: 'create-remaining-values.test.ts',
    args: ['--auth', 'session', '--queue', 'pg-boss', '--cache', 'none', '--features', 'email,uploads,webhooks', '--storage', 'local'],
  },
  // The standard preset on each of the other databases, then their dialect halves of every other feature.
  { file: 'create-sqlite.test.ts', args: ['--database', 'sqlite', '--preset', 'standard'] },
  { file: 'create-mysql.test.ts', args: ['--database', 'mysql', '--preset', 'standard'] },
  {
    file: 'create-sqlite.test.ts',
    args: ['--database', 'sqlite', '--auth', 'api-key', '--queue', 'bullmq', '--cache', 'redis', '--features', 'email,uploads,webhooks'],
  },
  {
    file: 'create-mysql.test.ts',
    args: ['--database', 'mysql', '--auth', 'none', '--queue', 'none', '--cache', 'none', '--features', 'email,uploads,webhooks'],
  },
];

const optionByFlag = new Map<string, OptionName>(optionNames.map((name) => [flagName(name), name]));

/** The options `create-solid-backend <dir> ...args` resolves to: preset, then flags, as `runCreate` layers them. */
export function optionsFromArgs(args: readonly string[]): StackOptions {
  let preset: PartialOptions = {};
  const flags: RawFlags = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--yes' || arg === '--json') continue;
    const value = args[i + 1];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    if (arg === '--preset') preset = loadPreset(value, process.cwd());
    else {
      const option = optionByFlag.get(arg);
      if (option === undefined) throw new Error(`not an option flag: ${arg}`);
      flags[option] = value;
    }
    i++;
  }
  return resolveOptions(preset, parseFlags(flags));
}

/**
 * The option values a combination really uses: `auth=jwt`, `uploads=on`/`uploads=off` for each feature,
 * and an option that only means something with a feature (storage) only when that feature is on.
 */
export function valuesUsed(options: StackOptions): string[] {
  return optionNames.flatMap((name) => {
    if (isMultiOption(name)) {
      const chosen = options[name] as readonly string[];
      return optionValues(name).map((value) => `${value}=${chosen.includes(value) ? 'on' : 'off'}`);
    }
    const needs = optionNeedsFeature[name];
    if (needs !== undefined && !options.features.includes(needs)) return [];
    return [`${name}=${String(options[name])}`];
  });
}

/** The values some valid combination uses that none of `combinations` does, sorted. */
export function uncoveredValues(combinations: readonly StackOptions[]): string[] {
  const covered = new Set(combinations.flatMap(valuesUsed));
  const possible = new Set(validCombinations().flatMap(valuesUsed));
  return [...possible].filter((value) => !covered.has(value)).sort();
}
