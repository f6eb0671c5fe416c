import type { StepId } from '../plan/plan.js';
import type { Command, StepResult, StepSpec } from './steps.js';

export interface StepReporter {
  started(spec: StepSpec): void;
  finished(result: StepResult): void;
}

export const silentReporter: StepReporter = { started: () => undefined, finished: () => undefined };

const tailLines = 30;

function tail(output: string): string {
  return output.trimEnd().split('\n').slice(-tailLines).join('\n');
}

/** Fills in a throwaway identity when the machine has none, so the first commit cannot fail on it. */
async function gitIdentityArgs(cwd: string): Promise<string[]> {
  const { execa } = await import('execa');
  const email = await execa('git', ['config', 'user.email'], { cwd, reject: false });
  return email.exitCode === 0 && email.stdout.trim() !== ''
    ? []
    : ['-c', 'user.name=create-solid-backend', '-c', 'user.email=create-solid-backend@users.noreply.localhost'];
}

async function runCommand(command: Command, cwd: string, timeoutMs: number): Promise<{ ok: boolean; output: string }> {
  const { execa } = await import('execa');
  const args = command.file === 'git' && command.args[0] === 'commit' ? [...(await gitIdentityArgs(cwd)), ...command.args] : command.args;
  const result = await execa(command.file, args, {
    cwd,
    all: true,
    reject: false,
    timeout: timeoutMs,
    stdin: 'ignore',
    env: { CI: 'true', FORCE_COLOR: '0' },
  });
  const why = result.timedOut ? `\n(timed out after ${Math.round(timeoutMs / 1000)} s)` : result.failed && result.exitCode === undefined ? `\n${result.shortMessage}` : '';
  return { ok: !result.failed, output: `${result.all ?? ''}${why}` };
}

/**
 * Runs the chosen steps in order and stops at the first failure: later steps depend on earlier ones
 * (tests need the install). Skipped steps are reported with their reason, never silently dropped.
 */
export async function runSteps(
  specs: Record<StepId, StepSpec>,
  order: readonly StepId[],
  skipped: ReadonlyMap<StepId, string>,
  cwd: string,
  reporter: StepReporter = silentReporter,
): Promise<StepResult[]> {
  const results: StepResult[] = [];
  let failed = false;
  for (const id of order) {
    const spec = specs[id];
    const reason = failed ? 'an earlier step failed' : skipped.get(id);
    if (reason !== undefined) {
      const result: StepResult = { id, title: spec.title, status: 'skipped', durationMs: 0, detail: reason };
      results.push(result);
      reporter.finished(result);
      continue;
    }
    reporter.started(spec);
    const start = performance.now();
    let outcome = { ok: true, output: '' };
    for (const command of spec.commands) {
      outcome = await runCommand(command, cwd, spec.timeoutMs);
      if (!outcome.ok) break;
    }
    const result: StepResult = {
      id,
      title: spec.title,
      status: outcome.ok ? 'passed' : 'failed',
      durationMs: Math.round(performance.now() - start),
      ...(outcome.ok ? {} : { detail: tail(outcome.output) }),
    };
    failed ||= !outcome.ok;
    results.push(result);
    reporter.finished(result);
  }
  return results;
}
