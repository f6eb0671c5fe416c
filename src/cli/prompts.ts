import * as clack from '@clack/prompts';
import { CliError } from '../core/errors.js';
import { isMultiOption, optionMeta, optionNames, optionNeedsFeature, optionValues, stackOptionsSchema, type OptionName, type PartialOptions } from '../core/options.js';
import { resolveTarget } from '../core/project-name.js';

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
    answers[name] = await askOne(name, defaults[name]);
  }
  return answers as PartialOptions;
}

async function askOne(name: OptionName, initial: unknown): Promise<unknown> {
  const meta = optionMeta[name];
  const labels = meta.labels as Record<string, string>;
  const options = optionValues(name).map((value) => ({ value, label: labels[value] ?? value }));
  if (isMultiOption(name)) {
    return unlessCancelled(await clack.multiselect({ message: meta.message, options, initialValues: initial as string[], required: false }));
  }
  return unlessCancelled(await clack.select({ message: meta.message, options, initialValue: initial as string }));
}
