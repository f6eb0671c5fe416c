import { z } from 'zod';
import { fail, listSome, pass, warn, type CheckOutcome, type DoctorCheck } from '../types.js';

export const auditTimeoutMs = 30_000;
const lockFiles = ['package-lock.json', 'npm-shrinkwrap.json'];
const couldNotCheck = (why: string): CheckOutcome =>
  warn(`could not check: ${why}`, 'Run npm audit where the registry answers it (or in CI); scan dependencies before launch.');

/** The parts of `npm audit --json` (report version 2) that matter here; anything else is a refusal. */
const reportSchema = z.object({
  vulnerabilities: z.record(z.string(), z.object({ severity: z.string() })).default({}),
  metadata: z.object({
    vulnerabilities: z.record(z.string(), z.number()),
    dependencies: z.union([z.number(), z.object({ total: z.number() })]).optional(),
  }),
});
/** What npm prints instead when the registry refuses (e.g. 405 on the bulk advisories endpoint) or there is no lockfile. */
const refusalSchema = z.object({
  message: z.string().optional(),
  error: z.object({ summary: z.string().optional(), detail: z.string().optional(), code: z.string().optional() }).optional(),
});

function refusalReason(json: unknown): string {
  const refusal = refusalSchema.safeParse(json);
  if (!refusal.success) return 'npm audit printed no report';
  const { message, error } = refusal.data;
  return [message, error?.summary, error?.detail, error?.code].find((text) => text !== undefined && text.trim() !== '')?.trim() ?? 'npm audit printed no report';
}

/** Cheatsheet §12: dependencies scanned for known vulnerabilities. high/critical fail; low/moderate warn. */
export const auditCheck: DoctorCheck = {
  id: 'dependency-audit',
  title: 'Dependency audit',
  async run(context) {
    if (!context.audit) return warn('not run (audit skipped)', 'Run the doctor without --no-audit, or npm audit yourself.');
    if (!lockFiles.some((file) => context.files.exists(file))) return couldNotCheck('no package-lock.json to audit (run npm install)');
    const result = await context.run('npm', ['audit', '--json'], { cwd: context.root, timeoutMs: auditTimeoutMs });
    if (result.timedOut) return couldNotCheck(`the registry did not answer within ${auditTimeoutMs / 1000} s`);
    if (result.startError !== undefined) return couldNotCheck(`npm audit did not run (${result.startError})`);
    let json: unknown;
    try {
      json = JSON.parse(result.stdout);
    } catch {
      const why = result.stderr.split('\n').find((line) => /error/i.test(line))?.trim();
      return couldNotCheck(why ?? 'npm audit printed no JSON report');
    }
    const report = reportSchema.safeParse(json);
    if (!report.success) return couldNotCheck(refusalReason(json));
    const counts = report.data.metadata.vulnerabilities;
    const named = (severities: string[]) =>
      Object.entries(report.data.vulnerabilities)
        .filter(([, v]) => severities.includes(v.severity))
        .map(([name, v]) => `${name} (${v.severity})`);
    const serious = (counts.critical ?? 0) + (counts.high ?? 0);
    const minor = (counts.moderate ?? 0) + (counts.low ?? 0);
    if (serious > 0) return fail(`${serious} high/critical: ${listSome(named(['critical', 'high']))}`, 'Run npm audit fix (or upgrade the packages named; npm audit shows which version fixes each).');
    if (minor > 0) return warn(`${minor} low/moderate: ${listSome(named(['moderate', 'low']))}`, 'Run npm audit fix when convenient; npm audit shows the advisories.');
    const dependencies = report.data.metadata.dependencies;
    const total = typeof dependencies === 'number' ? dependencies : dependencies?.total;
    return pass(`no known vulnerabilities${total === undefined ? '' : ` in ${total} dependencies`}`);
  },
};
