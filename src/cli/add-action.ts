import pc from 'picocolors';
import { addFeatures, type AddFeaturesResult } from '../api/add-features.js';
import { ExitCode, type ExitCodeValue } from '../core/errors.js';
import { optionNames } from '../core/options.js';
import type { RawFlags } from '../core/resolve-options.js';
import type { CreateContext } from './create-action.js';
import { afterChangeFailed, printFailedStep, printQuietFailure, type Writer } from './output.js';
import type { AddFlags } from './program.js';
import { createReporter } from './reporter.js';

function colourDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => (line.startsWith('+') && !line.startsWith('+++') ? pc.green(line) : line.startsWith('-') && !line.startsWith('---') ? pc.red(line) : line.startsWith('@@') ? pc.cyan(line) : line))
    .join('\n');
}

function changeCounts(result: AddFeaturesResult): string {
  const counts = new Map<string, number>();
  for (const change of result.changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
}

function printResult(result: AddFeaturesResult, out: Writer): void {
  const added = result.addedFeatures.map((id) => `+${id}`);
  const removed = result.removedFeatures.map((id) => `-${id}`);
  const features = [...added, ...removed].join(' ') || 'none';
  if (result.changes.length === 0) {
    out(`${pc.green('✔')} Nothing to do: the project already has what was asked for. No file changed.`);
    return;
  }
  if (result.dryRun) {
    out(colourDiff(result.diff ?? ''));
    out(pc.bold(`Dry run: ${result.changes.length} files would change (${changeCounts(result)}); features ${features}. Nothing was written.`));
    return;
  }
  const failed = result.steps.find((step) => step.status === 'failed');
  if (failed) {
    printFailedStep(failed, afterChangeFailed, out);
    return;
  }
  out(`${pc.green('✔')} Features ${features}: ${result.changes.length} files changed (${changeCounts(result)})`);
  for (const path of result.overwritten) out(pc.yellow(`  overwritten (--force): ${path}`));
  out(pc.dim('  Review with `git diff`, then commit.'));
}

export async function runAdd(names: readonly string[], flags: AddFlags, context: CreateContext): Promise<ExitCodeValue> {
  const values: RawFlags = {};
  for (const name of optionNames) if (typeof flags[name] === 'string') values[name] = flags[name];
  const silent = flags.json || flags.quiet;
  const result = await addFeatures({
    cwd: context.cwd,
    names,
    values,
    force: flags.force ?? false,
    dryRun: flags.dryRun ?? false,
    skip: { install: !flags.install, migrate: !flags.migrate, test: !flags.test },
    reporter: silent ? undefined : createReporter(context.stdinIsTty && !context.env['CI'], context.err),
  });
  if (flags.json) context.out(JSON.stringify({ command: 'add', ...result }, null, 2));
  else if (flags.quiet && !result.dryRun) printQuietFailure(result.steps, afterChangeFailed, context.err);
  else printResult(result, context.out);
  return result.ok ? ExitCode.ok : ExitCode.stepFailed;
}
