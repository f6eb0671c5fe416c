import pc from 'picocolors';
import { generateResource, type GenerateResourceResult } from '../api/generate-resource.js';
import { ExitCode, type ExitCodeValue } from '../core/errors.js';
import type { CreateContext } from './create-action.js';
import { afterChangeFailed, printFailedStep, printQuietFailure, type Writer } from './output.js';
import { createReporter, formatDuration } from './reporter.js';

export interface GenerateFlags {
  fields?: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  quiet?: boolean;
  debug?: boolean;
  migrate: boolean;
  test: boolean;
}

function printResult(result: GenerateResourceResult, out: Writer): void {
  if (result.dryRun) {
    out(result.diff ?? '');
    out(pc.bold(`Dry run: ${result.created.length} new files, ${result.modified.length} changed. Nothing was written.`));
    return;
  }
  const failed = result.steps.find((step) => step.status === 'failed');
  if (failed) {
    printFailedStep(failed, afterChangeFailed, out);
    return;
  }
  out(`${pc.green('✔')} Resource ${pc.bold(result.resource.plural)}: ${result.created.length} new files, ${result.modified.length} wired ${pc.dim(`(${formatDuration(result.durationMs)})`)}`);
  out(`  /api/v1/${result.resource.plural} · ${result.migration}`);
  out(pc.dim('  Review with `git diff`, then commit.'));
}

export async function runGenerateResource(name: string, flags: GenerateFlags, context: CreateContext): Promise<ExitCodeValue> {
  const silent = flags.json || flags.quiet;
  const result = await generateResource({
    cwd: context.cwd,
    name,
    fields: flags.fields ?? '',
    force: flags.force ?? false,
    dryRun: flags.dryRun ?? false,
    skip: { migrate: !flags.migrate, test: !flags.test },
    reporter: silent ? undefined : createReporter(context.stdinIsTty && !context.env['CI'], context.err),
  });
  if (flags.json) context.out(JSON.stringify({ command: 'generate resource', ...result }, null, 2));
  else if (flags.quiet && !result.dryRun) printQuietFailure(result.steps, afterChangeFailed, context.err);
  else printResult(result, context.out);
  return result.ok ? ExitCode.ok : ExitCode.stepFailed;
}
