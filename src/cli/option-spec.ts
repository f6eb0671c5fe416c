import { defaultOptions, flagName, isMultiOption, optionDescription, optionMeta, optionNames, optionValues, type OptionName } from '../core/options.js';

/**
 * What the command line needs to know about each option, derived from the zod schema. The build
 * writes it to dist/cli/option-spec.json so that `--help` can be shown without loading zod.
 */
export interface OptionSpec {
  name: OptionName;
  flag: string;
  description: string;
  values: string[];
  defaultValue: string;
  multiple: boolean;
  labels: Record<string, string>;
}

export function deriveOptionSpec(): OptionSpec[] {
  const defaults = defaultOptions();
  return optionNames.map((name) => {
    const value = defaults[name];
    return {
      name,
      flag: flagName(name),
      description: optionDescription(name),
      values: [...optionValues(name)],
      defaultValue: Array.isArray(value) ? value.join(',') : String(value),
      multiple: isMultiOption(name),
      labels: { ...optionMeta[name].labels },
    };
  });
}
