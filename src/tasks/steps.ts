import type { PackageManager } from '../core/options.js';
import type { StepId } from '../plan/plan.js';
import { packageManagerCommands } from '../render/context.js';

export interface Command {
  file: string;
  args: string[];
}

export interface StepSpec {
  id: StepId;
  title: string;
  commands: Command[];
  timeoutMs: number;
}

export type StepStatus = 'passed' | 'failed' | 'skipped';

export interface StepResult {
  id: StepId;
  title: string;
  status: StepStatus;
  durationMs: number;
  /** Why it was skipped, or the last lines of output when it failed. */
  detail?: string;
}

const minutes = (n: number): number => n * 60_000;

function split(commandLine: string): Command {
  const [file, ...args] = commandLine.split(' ');
  return { file: file!, args };
}

/** The steps after writing, in the order they run. The git identity is settled at run time. */
export function stepSpecs(packageManager: PackageManager): Record<StepId, StepSpec> {
  const pm = packageManagerCommands[packageManager];
  return {
    git: {
      id: 'git',
      title: 'Initialise git repository',
      commands: [
        { file: 'git', args: ['init', '--quiet', '--initial-branch=main'] },
        { file: 'git', args: ['add', '--all'] },
        { file: 'git', args: ['commit', '--quiet', '--no-verify', '-m', 'Initial commit from create-solid-backend'] },
      ],
      timeoutMs: minutes(1),
    },
    install: { id: 'install', title: `Install dependencies (${pm.install})`, commands: [split(pm.install)], timeoutMs: minutes(15) },
    migrate: { id: 'migrate', title: 'Run database migrations', commands: [split(`${pm.run} db:migrate`)], timeoutMs: minutes(5) },
    test: { id: 'test', title: 'Run the generated tests', commands: [split(`${pm.run} test`)], timeoutMs: minutes(15) },
  };
}

/**
 * Install before the first commit, so the lockfile is in it: a fresh project has a clean working
 * tree, which `solid-backend add` asks for before it changes anything.
 */
export const stepOrder: readonly StepId[] = ['install', 'git', 'migrate', 'test'];
