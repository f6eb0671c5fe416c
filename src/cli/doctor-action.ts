import { ExitCode, type ExitCodeValue } from '../core/errors.js';
import { formatDoctorJson, formatDoctorTable, runDoctor } from '../doctor/run-doctor.js';
import { requireProjectRoot } from '../tree/find-project.js';
import type { CreateContext } from './create-action.js';

export interface DoctorFlags {
  json?: boolean;
  debug?: boolean;
  test: boolean;
  audit: boolean;
}

/** `solid-backend doctor`: the pre-launch audit; exit 1 when a check fails, so CI can gate on it. */
export async function runDoctorCommand(flags: DoctorFlags, context: CreateContext): Promise<ExitCodeValue> {
  const root = requireProjectRoot(context.cwd);
  const report = await runDoctor(root, { runTests: flags.test, audit: flags.audit });
  if (flags.json) context.out(formatDoctorJson(report));
  else for (const line of formatDoctorTable(report, !context.env['NO_COLOR'] && process.stdout.isTTY === true)) context.out(line);
  return report.ok ? ExitCode.ok : ExitCode.stepFailed;
}
