import type { ProjectFiles } from '../project-files.js';
import { pass, warn, type DoctorCheck } from '../types.js';

/**
 * The pre-launch checklist's operations part (errors tracked, monitoring, runbooks, tested backups). A
 * project can launch without any of them, so each is a warning, never a failure; the fix names the
 * `add` that brings it.
 */

function declaredPackages(files: ProjectFiles): Set<string> {
  try {
    const manifest = JSON.parse(files.read('package.json') ?? '{}') as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    return new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
  } catch {
    return new Set();
  }
}

function scripts(files: ProjectFiles): Record<string, string> {
  try {
    return (JSON.parse(files.read('package.json') ?? '{}') as { scripts?: Record<string, string> }).scripts ?? {};
  } catch {
    return {};
  }
}

/** Source files under src/ that mention `pattern`. */
function sourcesMatching(files: ProjectFiles, pattern: RegExp): string[] {
  return files.list().filter((path) => path.startsWith('src/') && /\.[cm]?[jt]s$/.test(path) && pattern.test(files.read(path) ?? ''));
}

const errorTrackers = ['@sentry/node', '@sentry/nestjs', '@bugsnag/js', 'rollbar', '@honeybadger-io/js', '@appsignal/nodejs', 'dd-trace'];

/** Checklist: errors logged and tracked. */
export const errorTrackingCheck: DoctorCheck = {
  id: 'error-tracking',
  title: 'Errors tracked (Sentry or similar)',
  run({ files }) {
    const declared = declaredPackages(files);
    const tracker = errorTrackers.find((name) => declared.has(name));
    if (tracker === undefined) return warn('no error-tracking SDK in package.json: a 500 is only a log line', 'solid-backend add sentry (then set SENTRY_DSN), or wire your own tracker into the error handler.');
    const used = sourcesMatching(files, new RegExp(`from ['"]${tracker.replace(/[/.]/g, '\\$&')}['"]`));
    if (used.length === 0) return warn(`${tracker} is declared but nothing under src/ imports it`, 'Initialise it at start-up and capture errors from the error handler.');
    return pass(`${tracker}, imported by ${used[0]}${used.length > 1 ? ` and ${used.length - 1} more` : ''}`);
  },
};

/** Checklist: monitoring and alerts configured. */
export const monitoringCheck: DoctorCheck = {
  id: 'monitoring',
  title: 'Monitoring (metrics)',
  run({ files }) {
    const declared = declaredPackages(files);
    const library = ['prom-client', '@opentelemetry/sdk-metrics'].find((name) => declared.has(name));
    if (library === undefined) return warn('no metrics library in package.json: nothing to alert on but logs', 'solid-backend add metrics (Prometheus text at /metrics), then alert on error rate and p99 latency.');
    const endpoint = sourcesMatching(files, /['"`]\/metrics['"`]/);
    if (library === 'prom-client' && endpoint.length === 0) return warn('prom-client is declared but no /metrics route is registered under src/', 'Serve the registry at /metrics (behind a token or on an internal port).');
    return pass(`${library}${endpoint.length > 0 ? `, /metrics in ${endpoint[0]}` : ''}`);
  },
};

/** Checklist: runbooks documented, backup strategy tested, load test passed. */
export const runbookCheck: DoctorCheck = {
  id: 'runbook-backups',
  title: 'Runbook, backups and load test',
  run({ files }) {
    const all = files.list();
    const runbook = all.find((path) => /(^|\/)runbook\.md$/i.test(path));
    const scriptNames = scripts(files);
    const backup = all.find((path) => /^scripts\/.*backup/i.test(path)) ?? Object.keys(scriptNames).find((name) => /backup/i.test(name));
    const loadtest = Object.keys(scriptNames).find((name) => /load-?test|bench/i.test(name));
    const missing = [runbook ? undefined : 'RUNBOOK.md', backup ? undefined : 'backup script', loadtest ? undefined : 'load-test script'].filter((item): item is string => item !== undefined);
    if (missing.length > 0) return warn(`missing: ${missing.join(', ')}`, 'Projects made by this version of create-solid-backend have docs/RUNBOOK.md, scripts/backup and npm run loadtest: copy them from a new project (npx create-solid-backend tmp --from solid-backend.json --no-install).');
    return pass(`${runbook}, ${backup}, npm run ${loadtest}`);
  },
};
