import { CliError } from '../core/errors.js';
import type { ResourceNames } from './names.js';
import type { ProjectView } from './plan-resource.js';

/**
 * What is already in the project: a resource generated twice, one the templates made (users, files,
 * webhooks …), a table of that name, and the migration numbers taken.
 */

/** Feature migrations own 0001–0099 (`solid-backend add` numbers its own there); resources start at 0100. */
export const FIRST_RESOURCE_MIGRATION = 100;

const MIGRATION_DIR = /^migrations\/(\d{4})_[^/]+\//;

export function nextMigrationNumber(project: ProjectView): string {
  const taken = project.files().flatMap((path) => {
    const match = MIGRATION_DIR.exec(path);
    return match?.[1] === undefined ? [] : [Number(match[1])];
  });
  const next = Math.max(FIRST_RESOURCE_MIGRATION, ...taken.map((n) => n + 1));
  if (next > 9999) throw new CliError('INVALID_RESOURCE', 'No migration number left (migrations/9999_… exists)', 'Squash old migrations before adding resources.');
  return String(next).padStart(4, '0');
}

/** Files a resource of this name would own, in both singular and plural spellings, as the templates and users name them. */
function candidatePaths(names: ResourceNames): string[] {
  const { singular, plural } = names;
  return [...new Set([singular, plural])].flatMap((name) => [
    `src/routes/${name}.routes.ts`,
    `src/routes/schemas/${name}.ts`,
    `src/services/${name}.service.ts`,
    `src/repositories/${name}.repository.ts`,
    `src/controllers/${name}.controller.ts`,
    `src/types/${name}.ts`,
    `src/db/${name}-schema.ts`,
    `src/middleware/${name}-rules.ts`,
  ]);
}

function tableExists(project: ProjectView, table: string): string | undefined {
  const create = new RegExp(`CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?"?${table}"?\\s*\\(`, 'i');
  return project.files().find((path) => /^migrations\/[^/]+\/up\.sql$/.test(path) && create.test(project.readText(path) ?? ''));
}

/** Refuses a resource whose files, routes or table already exist (exit 2), naming what is in the way. */
export function assertResourceIsNew(project: ProjectView, names: ResourceNames, newFiles: readonly string[]): void {
  const existing = new Set(project.files());
  const inTheWay = [...new Set([...candidatePaths(names), ...newFiles])].filter((path) => existing.has(path)).sort();
  const migration = tableExists(project, names.table);
  if (migration !== undefined) inTheWay.push(`${migration} (creates the table ${names.table})`);
  if (inTheWay.length > 0) {
    throw new CliError(
      'INVALID_RESOURCE',
      `A resource named "${names.singular}" already exists in this project`,
      'Choose another name, or remove the existing resource first.',
      inTheWay,
    );
  }
}
