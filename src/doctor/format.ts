import { createColors } from 'picocolors';
import type { CheckStatus, DoctorReport } from './run-doctor.js';

const marks: Record<CheckStatus, string> = { pass: '✔', warn: '!', fail: '✖' };

/** Terminal lines: one row per check (mark, id, detail), a `fix:` line under each warn and fail, a summary. */
export function formatDoctorTable(report: DoctorReport, color: boolean): string[] {
  const pc = createColors(color);
  const paint: Record<CheckStatus, (text: string) => string> = { pass: pc.green, warn: pc.yellow, fail: pc.red };
  const idWidth = Math.max(...report.results.map((result) => result.id.length), 2);
  const lines = [pc.bold(`solid-backend doctor: ${report.root}`), ''];
  for (const result of report.results) {
    const status = paint[result.status](`${marks[result.status]} ${result.status.padEnd(4)}`);
    lines.push(`${status}  ${result.id.padEnd(idWidth)}  ${result.detail}`);
    if (result.fix !== undefined && result.status !== 'pass') lines.push(`${' '.repeat(idWidth + 10)}${pc.dim(`fix: ${result.fix}`)}`);
  }
  const count = (status: CheckStatus) => report.results.filter((result) => result.status === status).length;
  lines.push('');
  const summary = `${count('pass')} passed, ${count('warn')} warning${count('warn') === 1 ? '' : 's'}, ${count('fail')} failed`;
  lines.push(report.ok ? pc.green(`✔ ${summary}`) : pc.red(`✖ ${summary}: fix the failures above (exit code 1)`));
  return lines;
}

/** `--json`: the whole report as one object, for CI. */
export function formatDoctorJson(report: DoctorReport): string {
  return JSON.stringify({ command: 'doctor', ...report }, null, 2);
}
