import * as clack from '@clack/prompts';
import { CliError } from '../core/errors.js';
import { isMultiOption, optionMeta, optionNames, optionNeedsFeature, optionValues, stackOptionsSchema, type OptionName, type PartialOptions } from '../core/options.js';
import { resolveTarget } from '../core/project-name.js';
import { offeredValues } from '../core/rules.js';

function unlessCancelled<T>(value: T | symbol): T {
  if (clack.isCancel(value)) throw new CliError('CANCELLED', 'Cancelled; nothing was written');
  return value as T;
}

export async function askDirectory(cwd: string): Promise<string> {
  const answer = await clack.text({
    message: 'Where should the project go?',
    placeholder: 'my-api',
    defaultValue: 'my-api',
    validate: (value) => {
      try {
        resolveTarget(value || 'my-api', cwd);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
  return unlessCancelled<string>(answer);
}

/** Asks only for options that neither a preset nor a flag settled, and only where there is a choice. */
export async function askMissingOptions(settled: PartialOptions): Promise<PartialOptions> {
  const defaults = stackOptionsSchema.parse(settled);
  const answers: Record<string, unknown> = {};
  for (const name of optionNames) {
    if (settled[name] !== undefined || optionValues(name).length < 2) continue;
    const neededFeature = optionNeedsFeature[name];
    const chosenFeatures = (answers.features ?? defaults.features) as readonly string[];
    if (neededFeature !== undefined && !chosenFeatures.includes(neededFeature)) continue;
    if (isMultiOption(name)) {
      answers[name] = await askMany(name, defaults[name] as string[]);
      continue;
    }
    // Values a rule would refuse with what is already chosen are not offered (e.g. sessions on SQLite).
    const offered = offeredValues(name as Exclude<OptionName, 'features'>, { ...settled, ...answers } as PartialOptions);
    if (offered.length > 1) answers[name] = await askOne(name, offered, defaults[name] as string);
    else if (offered[0] !== undefined) answers[name] = offered[0];
  }
  return answers as PartialOptions;
}

function labelled(name: OptionName, values: readonly string[]): { value: string; label: string }[] {
  const labels = optionMeta[name].labels as Record<string, string>;
  return values.map((value) => ({ value, label: labels[value] ?? value }));
}

async function askOne(name: OptionName, values: readonly string[], initial: string): Promise<unknown> {
  const initialValue = values.includes(initial) ? initial : values[0];
  return unlessCancelled(await clack.select({ message: optionMeta[name].message, options: labelled(name, values), initialValue }));
}

async function askMany(name: OptionName, initial: string[]): Promise<unknown> {
  return unlessCancelled(
    await clack.multiselect({ message: optionMeta[name].message, options: labelled(name, optionValues(name)), initialValues: initial, required: false }),
  );
}
