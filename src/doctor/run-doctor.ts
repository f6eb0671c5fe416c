import { execaRunner } from './command-runner.js';
import { diskProjectFiles, type ProjectFiles } from './project-files.js';
import { doctorChecks } from './registry.js';
import { SourceIndex } from './ts-source.js';
import type { CheckResult, CommandRunner, DoctorCheck, DoctorContext } from './types.js';

export type { CheckResult, CheckStatus, CommandResult, CommandRunner } from './types.js';
export { formatDoctorJson, formatDoctorTable } from './format.js';

export interface DoctorReport {
  root: string;
  results: CheckResult[];
  /** No check failed (warnings allowed): the exit code is 0. */
  ok: boolean;
}

export interface DoctorOptions {
  runTests: boolean;
  audit: boolean;
  /** Injected by tests; the real one runs git and npm through execa with timeouts. */
  run?: CommandRunner;
}

/**
 * Audits the project at `root` (the folder of solid-backend.json) against the cheatsheet's pre-launch
 * checklist. Never throws for what it finds: every finding is a result; exits are the caller's.
 */
export function runDoctor(root: string, options: DoctorOptions): Promise<DoctorReport> {
  return auditProject({ root, files: diskProjectFiles(root), ...options });
}

/** runDoctor over any file source: the disk, or a generated MemoryTree in tests. */
export async function auditProject(input: DoctorOptions & { root: string; files: ProjectFiles; checks?: readonly DoctorCheck[] }): Promise<DoctorReport> {
  let index: SourceIndex | undefined;
  const context: DoctorContext = {
    root: input.root,
    files: input.files,
    run: input.run ?? execaRunner,
    runTests: input.runTests,
    audit: input.audit,
    source: () => (index ??= new SourceIndex(input.files)),
  };
  const results: CheckResult[] = [];
  // One after another: the slow checks (tests, audit) would compete for the same two cores anyway.
  for (const check of input.checks ?? doctorChecks) {
    try {
      results.push({ id: check.id, title: check.title, ...(await check.run(context)) });
    } catch (error) {
      // A check that cannot parse something unusual must not hide the others' results.
      const message = error instanceof Error ? error.message : String(error);
      results.push({ id: check.id, title: check.title, status: 'warn', detail: `could not check: ${message}`, fix: 'Report this to create-solid-backend with the file it stumbled on.' });
    }
  }
  return { root: input.root, results, ok: results.every((result) => result.status !== 'fail') };
}
