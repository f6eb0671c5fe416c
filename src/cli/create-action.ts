import { relative } from 'node:path';
import * as clack from '@clack/prompts';
import { createProject } from '../api/create-project.js';
import { CliError, ExitCode, type ExitCodeValue } from '../core/errors.js';
import { optionNames, optionValues, type PackageManager, type PartialOptions } from '../core/options.js';
import { loadPreset } from '../core/presets.js';
import { parseFlags, type RawFlags } from '../core/resolve-options.js';
import type { StepId } from '../plan/plan.js';
import type { CreateFlags } from './program.js';
import { printDryRun, printQuietFailure, printSummary, type Writer } from './output.js';
import { askDirectory, askMissingOptions } from './prompts.js';
import { createReporter } from './reporter.js';

/**
 * `npm_config_user_agent` names the package manager that ran `npm create` / `pnpm create` / …; it is
 * used only when the CLI offers it, otherwise the schema default stands.
 */
export function detectPackageManager(userAgent: string | undefined): PackageManager | undefined {
  const name = userAgent?.split('/')[0] ?? '';
  return optionValues('packageManager').includes(name) ? (name as PackageManager) : undefined;
}

export interface CreateContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdinIsTty: boolean;
  out: Writer;
  err: Writer;
}

export async function runCreate(directory: string | undefined, flags: CreateFlags, context: CreateContext): Promise<ExitCodeValue> {
  const interactive = !flags.yes && !flags.json && !flags.quiet && context.stdinIsTty && !context.env['CI'];
  // A replay takes every option from its manifest: nothing is detected or asked.
  const detected = flags.from ? undefined : detectPackageManager(context.env['npm_config_user_agent']);
  const layers: PartialOptions[] = [detected ? { packageManager: detected } : {}];
  if (flags.preset) layers.push(loadPreset(flags.preset, context.cwd));
  const rawFlags: RawFlags = {};
  for (const name of optionNames) if (typeof flags[name] === 'string') rawFlags[name] = flags[name];
  layers.push(parseFlags(rawFlags));

  if (interactive) clack.intro('create-solid-backend');
  let target = directory;
  if (target === undefined) {
    if (!interactive) throw new CliError('INVALID_NAME', 'No project directory given', 'Pass one, e.g. `create-solid-backend my-api --yes`.');
    target = await askDirectory(context.cwd);
  }
  if (interactive && !flags.from) {
    const settled = Object.assign({}, ...layers.slice(1)) as PartialOptions;
    layers.push(await askMissingOptions(settled));
  }

  const skip: Partial<Record<StepId, boolean>> = { git: !flags.git, install: !flags.install, migrate: !flags.migrate, test: !flags.test };
  const silent = flags.json || flags.quiet;
  const result = await createProject({
    directory: target,
    cwd: context.cwd,
    options: layers,
    ...(flags.from ? { from: flags.from } : {}),
    force: flags.force ?? false,
    dryRun: flags.dryRun ?? false,
    skip,
    reporter: silent ? undefined : createReporter(interactive, context.err),
  });

  const relativeDir = relative(context.cwd, result.targetDir) || '.';
  if (flags.json) context.out(JSON.stringify({ command: 'create', ...result }, null, 2));
  else if (result.dryRun) printDryRun(result, context.out);
  else if (flags.quiet) printQuietFailure(result.steps, `The project is in ${relativeDir}; fix the problem there and re-run the step.`, context.err);
  else printSummary(result, relativeDir, context.out);
  if (interactive) clack.outro(result.ok ? 'Done.' : 'A step failed; see above.');
  return result.ok ? ExitCode.ok : ExitCode.stepFailed;
}
