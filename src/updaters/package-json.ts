import type { Plan } from '../plan/plan.js';

interface PackageJson {
  name?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Merges the plan's scripts and pinned dependencies into a package.json (or a new one). What the user
 * already has wins for scripts; dependency versions come from the version map, sorted as npm does.
 */
export function mergePackageJson(existing: string | undefined, plan: Plan): string {
  const current: PackageJson = existing
    ? (JSON.parse(existing) as PackageJson)
    : {
        name: plan.projectName,
        version: '0.1.0',
        private: true,
        type: 'module',
        engines: { node: '>=20.12' },
      };
  const merged: PackageJson = {
    ...current,
    scripts: { ...plan.scripts, ...current.scripts },
    dependencies: sortedRecord({ ...current.dependencies, ...plan.dependencies }),
    devDependencies: sortedRecord({ ...current.devDependencies, ...plan.devDependencies }),
  };
  return `${JSON.stringify(merged, null, 2)}\n`;
}
