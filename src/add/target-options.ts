import { CliError } from '../core/errors.js';
import { defaultOptions, flagName, optionNames, optionValues, type OptionName, type PartialOptions, type StackOptions } from '../core/options.js';
import { parseFlags, resolveOptions, type RawFlags } from '../core/resolve-options.js';

/** What the user asked `add` for: names (`webhooks`, `cache`) and option values (`--cache redis`). */
export interface AddRequest {
  names: readonly string[];
  values?: RawFlags;
}

type SingleOption = Exclude<OptionName, 'features'>;
const singleOptions = optionNames.filter((name): name is SingleOption => name !== 'features');

/**
 * Options `add` may change, and from which values. Auth only grows from `none`: turning one auth mode
 * into another would delete tables and migrations that a running database already holds, which is
 * not an addition. The rest are adapters behind ports and switch freely.
 */
const switchable: Readonly<Record<SingleOption, (from: string) => boolean>> = {
  database: () => false,
  auth: (from) => from === 'none',
  cache: () => true,
  queue: () => true,
  storage: () => true,
  packageManager: () => false,
};

/** Every name `add` accepts: the optional features, and the options that can be switched. */
export function addableNames(): string[] {
  return [...optionValues('features'), ...singleOptions.filter((name) => name !== 'database' && name !== 'packageManager')];
}

function describe(options: StackOptions, name: SingleOption): string {
  return `${flagName(name)} ${options[name]}`;
}

/** Value for `add cache` without `--cache`: the schema default, or the first value that is not `none`. */
function impliedValue(name: SingleOption, current: StackOptions): string {
  const fallback = String(defaultOptions()[name]);
  const candidate = fallback !== 'none' ? fallback : optionValues(name).find((value) => value !== 'none');
  if (current[name] !== 'none' || candidate === undefined || candidate === current[name]) {
    throw new CliError(
      'INVALID_OPTION',
      `The project already has ${describe(current, name)}; \`add ${name}\` needs to know which ${name} you want`,
      `Name it, e.g. \`solid-backend add ${name} ${flagName(name)} ${optionValues(name).filter((v) => v !== current[name] && v !== 'none').join('|')}\`.`,
    );
  }
  return candidate;
}

/**
 * The options the project will have after `add`: the current ones plus the request, checked against
 * every rule on the full resulting set. Features are only ever added; `add` never removes one.
 */
export function targetOptions(current: StackOptions, request: AddRequest): StackOptions {
  const known = addableNames();
  if (request.names.length === 0 && Object.values(request.values ?? {}).every((value) => value === undefined)) {
    throw new CliError('INVALID_OPTION', 'Nothing to add', `Name a feature (${known.join(', ')}), e.g. \`solid-backend add webhooks\` or \`solid-backend add cache --cache redis\`.`);
  }
  const unknown = request.names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new CliError('INVALID_OPTION', `Unknown feature ${unknown.map((n) => `"${n}"`).join(', ')}`, `Features \`add\` knows: ${known.join(', ')}. \`solid-backend list\` describes each.`);
  }
  const flags: RawFlags = { ...request.values };
  for (const name of request.names) {
    const option = singleOptions.find((candidate) => candidate === name);
    if (option !== undefined && flags[option] === undefined) flags[option] = impliedValue(option, current);
  }
  const parsed = parseFlags(flags);
  const features = [...current.features, ...request.names.filter((name) => (optionValues('features') as readonly string[]).includes(name)), ...(parsed.features ?? [])];
  const next: Record<string, unknown> = { ...current, ...parsed, features };
  for (const name of singleOptions) {
    const value = next[name] as string;
    if (value !== current[name] && !switchable[name](current[name])) {
      throw new CliError(
        'INVALID_OPTION',
        `\`add\` cannot change ${flagName(name)} from ${current[name]} to ${value}`,
        name === 'auth'
          ? 'Switching between auth modes would drop tables and migrations your database already has; create a new project with the mode you want and move your code over.'
          : `${flagName(name)} is fixed once a project exists.`,
      );
    }
  }
  return resolveOptions(next as PartialOptions);
}
