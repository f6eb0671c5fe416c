import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { judgeAudit } from '../../scripts/audit.js';

/** scripts/audit.ts, fed what npm audit --json prints in each case, as CI runs it (stdin, exit code). */

// Verbatim (headers trimmed): what npm 10 prints when the registry refuses the bulk advisory request.
const registryRefused = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  statusCode: 405,
  body: '',
  error: { summary: '', detail: '' },
});
// A registry or mirror without the audit endpoint.
const noAudit = JSON.stringify({
  error: { code: 'ENOAUDIT', summary: 'Your configured registry (https://registry.example/) does not support audit requests.', detail: '' },
});

function report(counts: Partial<Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>>): string {
  const all = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts };
  const total = Object.values(all).reduce((sum, n) => sum + n, 0);
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { ...all, total }, dependencies: { prod: 120, total: 120 } } });
}

function runScript(stdin: string): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit.ts'], { input: stdin, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout };
}

describe('scripts/audit.ts', () => {
  it('fails on high findings', () => {
    const result = runScript(report({ high: 1, low: 3 }));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('high: 1');
  });

  it('passes with only low and moderate findings', () => {
    expect(runScript(report({ low: 4, moderate: 2 }))).toMatchObject({ status: 0, stdout: expect.stringContaining('Audit passed') });
  });

  it('warns but passes when the registry refused the audit request', () => {
    const result = runScript(registryRefused);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^::warning::Dependencies could not be audited: 405 Method Not Allowed/);
  });

  it('warns but passes when npm printed no report at all', () => {
    expect(runScript('npm error audit endpoint returned an error\n')).toMatchObject({ status: 0, stdout: expect.stringContaining('::warning::') });
  });

  it('judges a report by its high and critical entries, anything else as unchecked', () => {
    expect(judgeAudit(report({ moderate: 9 }))).toMatchObject({ outcome: 'pass', counts: { moderate: 9 } });
    expect(judgeAudit(report({})).outcome).toBe('pass');
    expect(judgeAudit(report({ high: 1 })).outcome).toBe('fail');
    expect(judgeAudit(report({ critical: 2 })).outcome).toBe('fail');
    expect(judgeAudit(registryRefused).outcome).toBe('unchecked');
    expect(judgeAudit(noAudit)).toMatchObject({ outcome: 'unchecked', reason: expect.stringContaining('ENOAUDIT') });
    expect(judgeAudit('').outcome).toBe('unchecked');
  });
});
