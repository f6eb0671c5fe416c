import { describe, expect, it } from 'vitest';
import { formatDoctorJson, formatDoctorTable, type DoctorReport } from '../../src/doctor/run-doctor.js';

const report: DoctorReport = {
  root: '/work/app',
  ok: false,
  results: [
    { id: 'security-headers', title: 'Security headers (helmet)', status: 'pass', detail: '@fastify/helmet registered (src/plugins/security.ts:11)' },
    { id: 'cors', title: "CORS not '*'", status: 'fail', detail: '.env.example:14: CORS_ORIGINS=*', fix: 'List the allowed origins instead.' },
    { id: 'dependency-audit', title: 'Dependency audit', status: 'warn', detail: 'could not check: 405 Method Not Allowed', fix: 'Run npm audit where the registry answers it.' },
  ],
};

describe('formatDoctorTable', () => {
  it('prints one row per check, a fix under each warn and fail, and a summary', () => {
    expect(formatDoctorTable(report, false)).toEqual([
      'solid-backend doctor: /work/app',
      '',
      '✔ pass  security-headers  @fastify/helmet registered (src/plugins/security.ts:11)',
      '✖ fail  cors              .env.example:14: CORS_ORIGINS=*',
      '                          fix: List the allowed origins instead.',
      '! warn  dependency-audit  could not check: 405 Method Not Allowed',
      '                          fix: Run npm audit where the registry answers it.',
      '',
      '✖ 1 passed, 1 warning, 1 failed: fix the failures above (exit code 1)',
    ]);
  });

  it('says all is well when nothing failed', () => {
    const lines = formatDoctorTable({ ...report, ok: true, results: report.results.filter((r) => r.status !== 'fail') }, false);
    expect(lines.at(-1)).toBe('✔ 1 passed, 1 warning, 0 failed');
  });

  it('colours only when asked', () => {
    const ansi = /\u001b\[/;
    expect(formatDoctorTable(report, false).some((line) => ansi.test(line))).toBe(false);
    expect(formatDoctorTable(report, true).some((line) => ansi.test(line))).toBe(true);
  });
});

describe('formatDoctorJson', () => {
  it('is the report as one JSON object', () => {
    expect(JSON.parse(formatDoctorJson(report))).toEqual({ command: 'doctor', ...report });
  });
});
