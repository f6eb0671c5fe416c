
export type CheckOutcome = 'ok' | 'fail' | 'timeout';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckOutcome>;
  /** Figures a passing check reported (a queue's depth), by check name. */
  details: Record<string, Record<string, number | string | boolean>>;
  /** Why each failing check failed: for the logs only, never for the response. */
  failures: Record<string, string>;
}

const TIMED_OUT = Symbol('timeout');

/**
 * Runs every check in parallel, each bounded by `timeoutMs` so a hung dependency cannot hang the probe.
 * Ready when every check that is not `optional` is ok; optional ones are reported all the same.
 */
export async function runHealthChecks<D>(
  checks: { name: string; optional?: boolean; check(deps: D): Promise<Record<string, number | string | boolean> | void> }[],
  deps: D,
  timeoutMs: number,
): Promise<ReadinessReport> {
  const report: ReadinessReport = { ready: true, checks: {}, details: {}, failures: {} };
  await Promise.all(
    checks.map(async ({ name, optional, check }) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
      });
      try {
        const result = await Promise.race([check(deps), timeout]);
        if (result === TIMED_OUT) {
          report.checks[name] = 'timeout';
          report.failures[name] = `no answer within ${timeoutMs} ms`;
        } else {
          report.checks[name] = 'ok';
          if (result) report.details[name] = result;
        }
      } catch (error) {
        report.checks[name] = 'fail';
        report.failures[name] = error instanceof Error ? error.message : String(error);
      } finally {
        clearTimeout(timer);
      }
      if (report.checks[name] !== 'ok' && optional !== true) report.ready = false;
    }),
  );
  return report;
}
