import { pathToFileURL } from 'node:url';

/**
 * Judges `npm audit --json` read from stdin (CI: `npm audit --omit=dev --json | npx tsx scripts/audit.ts`).
 * Fails (exit 1) on high or critical advisories. When npm could not check at all (the registry refused the
 * bulk advisory request, a proxy or mirror without the audit endpoint, no network), it prints a warning
 * and exits 0: an unreachable audit service must not block every merge, but it must be visible.
 */

export type AuditVerdict =
  | { outcome: 'pass'; counts: Record<string, number> }
  | { outcome: 'fail'; counts: Record<string, number> }
  | { outcome: 'unchecked'; reason: string };

const FAILING = ['high', 'critical'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function judgeAudit(output: string): AuditVerdict {
  let report: unknown;
  try {
    report = JSON.parse(output);
  } catch {
    return { outcome: 'unchecked', reason: `npm audit printed no JSON report: ${output.trim().slice(0, 200) || '(nothing)'}` };
  }
  const metadata = isRecord(report) ? report.metadata : undefined;
  const found = isRecord(metadata) ? metadata.vulnerabilities : undefined;
  if (isRecord(found)) {
    const counts = Object.fromEntries(Object.entries(found).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
    const failing = FAILING.reduce((sum, level) => sum + (counts[level] ?? 0), 0);
    return { outcome: failing > 0 ? 'fail' : 'pass', counts };
  }
  // npm's error report: { message, statusCode?, error: { code?, summary, detail } }.
  const error = isRecord(report) && isRecord(report.error) ? report.error : undefined;
  const message = isRecord(report) && typeof report.message === 'string' ? report.message : undefined;
  const detail = [message, error?.code, error?.summary].filter((part) => typeof part === 'string' && part !== '').join(' — ');
  return { outcome: 'unchecked', reason: detail || 'npm audit returned neither a report nor an error it could explain' };
}

export function describeVerdict(verdict: AuditVerdict): { text: string; exitCode: number } {
  if (verdict.outcome === 'unchecked') {
    // `::warning::` becomes an annotation on the GitHub Actions run; elsewhere it is a plain line.
    return { text: `::warning::Dependencies could not be audited: ${verdict.reason}`, exitCode: 0 };
  }
  const summary = Object.entries(verdict.counts)
    .map(([level, count]) => `${level}: ${count}`)
    .join(', ');
  if (verdict.outcome === 'fail') {
    return { text: `Audit failed: high or critical advisories (${summary}). Run \`npm audit\` for details, then \`npm audit fix\` or upgrade.`, exitCode: 1 };
  }
  return { text: `Audit passed: no high or critical advisories (${summary}).`, exitCode: 0 };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

// Run as a script (not imported by its test).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { text, exitCode } = describeVerdict(judgeAudit(await readStdin()));
  process.stdout.write(`${text}\n`);
  process.exitCode = exitCode;
}
