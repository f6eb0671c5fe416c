import type { ProjectFiles } from './project-files.js';
import type { SourceIndex } from './ts-source.js';

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  /** One line that names the offending file, line or variable (or what was verified, on a pass). */
  detail: string;
  /** How to fix it; absent on a pass. */
  fix?: string;
}

export interface CommandResult {
  /** Undefined when the command could not start or was killed. */
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the command ran to no exit code: not installed, bad cwd, killed. */
  startError?: string;
}

export interface CommandOptions {
  cwd: string;
  timeoutMs: number;
}

/** Every process the doctor starts goes through this, so unit tests can fake git and npm. */
export type CommandRunner = (file: string, args: readonly string[], options: CommandOptions) => Promise<CommandResult>;

export interface DoctorContext {
  root: string;
  files: ProjectFiles;
  run: CommandRunner;
  runTests: boolean;
  audit: boolean;
  /** The project's TypeScript under src/, parsed once on first use and shared by the checks. */
  source(): SourceIndex;
}

/** What a check returns; the registry adds its id and title. */
export type CheckOutcome = Omit<CheckResult, 'id' | 'title'>;

export interface DoctorCheck {
  id: string;
  title: string;
  run(context: DoctorContext): CheckOutcome | Promise<CheckOutcome>;
}

export const pass = (detail: string): CheckOutcome => ({ status: 'pass', detail });
export const warn = (detail: string, fix: string): CheckOutcome => ({ status: 'warn', detail, fix });
export const fail = (detail: string, fix: string): CheckOutcome => ({ status: 'fail', detail, fix });

/** "a, b and 3 more": details stay one line however many things are wrong. */
export function listSome(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
