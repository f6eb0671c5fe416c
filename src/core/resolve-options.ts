import { CliError } from './errors.js';
import { flagName, isMultiOption, optionNames, optionValues, stackOptionsSchema, type OptionName, type PartialOptions, type StackOptions } from './options.js';
import { describeIssues } from './presets.js';
import { assertRules } from './rules.js';

/** Raw flag values as commander hands them over: strings, and comma lists for multi-value options. */
export type RawFlags = Partial<Record<OptionName, string>>;

/** Turns flags into option values, refusing unknown values with the list of accepted ones. */
export function parseFlags(flags: RawFlags): PartialOptions {
  const parsed: Record<string, unknown> = {};
  for (const option of optionNames) {
    const raw = flags[option];
    if (raw === undefined) continue;
    const allowed = optionValues(option);
    const values = isMultiOption(option) ? raw.split(',').map((v) => v.trim()).filter(Boolean) : [raw.trim()];
    const unknown = values.filter((value) => !allowed.includes(value));
    if (unknown.length > 0) {
      throw new CliError(
        'INVALID_OPTION',
        `Unknown value ${unknown.map((v) => `"${v}"`).join(', ')} for ${flagName(option)}`,
        `Accepted: ${allowed.join(', ')}${isMultiOption(option) ? ' (comma-separated)' : ''}.`,
      );
    }
    parsed[option] = isMultiOption(option) ? values : values[0];
  }
  return parsed as PartialOptions;
}

/** Layers: schema defaults < preset < flags < answers; then the rules between options are checked. */
export function resolveOptions(...layers: readonly PartialOptions[]): StackOptions {
  const merged = Object.assign({}, ...layers) as PartialOptions;
  const parsed = stackOptionsSchema.safeParse(merged);
  if (!parsed.success) {
    throw new CliError('INVALID_OPTION', 'The options are not valid', 'Fix the values listed below.', describeIssues(parsed.error));
  }
  assertRules(parsed.data);
  return parsed.data;
}
