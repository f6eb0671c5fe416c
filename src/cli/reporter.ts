import * as clack from '@clack/prompts';
import pc from 'picocolors';
import type { StepReporter } from '../tasks/run-steps.js';
import type { StepResult } from '../tasks/steps.js';

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function describe(result: StepResult): string {
  if (result.status === 'skipped') return `${pc.dim('○')} ${result.title} ${pc.dim(`— skipped (${result.detail ?? ''})`)}`;
  const mark = result.status === 'passed' ? pc.green('✔') : pc.red('✖');
  return `${mark} ${result.title} ${pc.dim(`(${formatDuration(result.durationMs)})`)}`;
}

/** A spinner per step on a terminal; plain lines elsewhere (CI logs, pipes). */
export function createReporter(interactive: boolean, write: (line: string) => void): StepReporter {
  if (!interactive) {
    return {
      started: (spec) => write(`${pc.cyan('●')} ${spec.title} …`),
      finished: (result) => write(describe(result)),
    };
  }
  let current: ReturnType<typeof clack.spinner> | undefined;
  return {
    started: (spec) => {
      current = clack.spinner({ indicator: 'timer' });
      current.start(spec.title);
    },
    finished: (result) => {
      if (current) {
        const text = `${result.title} (${formatDuration(result.durationMs)})`;
        if (result.status === 'failed') current.error(text);
        else current.stop(text);
        current = undefined;
      } else {
        clack.log.message(describe(result));
      }
    },
  };
}
