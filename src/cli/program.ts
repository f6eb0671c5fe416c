import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { OptionSpec } from './option-spec.js';

/** The spec the build froze; from a source checkout (tests) it is derived on the fly. */
async function loadOptionSpec(): Promise<OptionSpec[]> {
  try {
    return JSON.parse(readFileSync(new URL('./option-spec.json', import.meta.url), 'utf8')) as OptionSpec[];
  } catch {
    const { deriveOptionSpec } = await import('./option-spec.js');
    return deriveOptionSpec();
  }
}

export interface CreateFlags {
  preset?: string;
  from?: string;
  yes?: boolean;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  quiet?: boolean;
  debug?: boolean;
  git: boolean;
  install: boolean;
  migrate: boolean;
  test: boolean;
  [option: string]: string | boolean | undefined;
}

/** One flag per schema option. */
export async function addOptionFlags(command: Command, showDefaults = true): Promise<Command> {
  for (const spec of await loadOptionSpec()) {
    const placeholder = spec.multiple ? '<list>' : '<value>';
    const choices = spec.multiple ? `comma list of ${spec.values.join(', ')}` : spec.values.join(' | ');
    command.addOption(new Option(`${spec.flag} ${placeholder}`, `${spec.description}: ${choices}${showDefaults ? ` (default: ${spec.defaultValue || 'none'})` : ''}`));
  }
  return command;
}

/** Adds the create options to a command: one flag per schema option, then the run controls. */
export async function addCreateOptions(command: Command): Promise<Command> {
  await addOptionFlags(command);
  return command
    .option('--preset <name|path>', 'start from a preset: minimal, standard, full, or a JSON file')
    .option('--from <path>', "replay another project's solid-backend.json exactly (its options and generated resources)")
    .option('-y, --yes', 'no questions: defaults for everything not given')
    .option('--force', 'write into a non-empty directory')
    .option('--dry-run', 'print the plan and file list; write nothing')
    .option('--json', 'print one JSON result object (for CI; schema: schemas/cli-output.schema.json)')
    .option('-q, --quiet', 'print nothing but errors and a failed step\'s output (for CI logs)')
    .option('--no-git', 'skip git init and the first commit')
    .option('--no-install', 'skip installing dependencies (and so migrate and test)')
    .option('--no-migrate', 'skip running database migrations')
    .option('--no-test', 'skip running the generated tests')
    .option('--debug', 'show stack traces');
}

export interface AddFlags {
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  quiet?: boolean;
  debug?: boolean;
  install: boolean;
  migrate: boolean;
  test: boolean;
  [option: string]: string | boolean | undefined;
}

/** `solid-backend add`: the option flags (the values to switch to) and the same run controls as create. */
export async function addAddOptions(command: Command): Promise<Command> {
  await addOptionFlags(command, false);
  return command
    .option('--force', 'overwrite files you changed, and run with uncommitted changes')
    .option('--dry-run', 'print the unified diff; write nothing')
    .option('--json', 'print one JSON result object (for CI; schema: schemas/cli-output.schema.json)')
    .option('-q, --quiet', 'print nothing but errors and a failed step\'s output (for CI logs)')
    .option('--no-install', 'skip installing dependencies')
    .option('--no-migrate', 'skip running database migrations')
    .option('--no-test', 'skip running the tests')
    .option('--debug', 'show stack traces');
}

export function createProgram(name: string, version: string): Command {
  return new Command(name)
    .version(version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
}
