import { CliError } from '../core/errors.js';
import type { StackOptions } from '../core/options.js';
import { assertResourceIsNew, nextMigrationNumber } from './clash.js';
import { resourceContext } from './context.js';
import { parseFields } from './fields.js';
import { resourceNames, type ResourceNames } from './names.js';
import { renderResourceFiles, resourceFilePaths } from './render.js';
import { wireResource } from './wiring.js';

export { parseFields, type FieldSpec } from './fields.js';
export type { ResourceNames } from './names.js';

/** The project as it is now on disk (or in memory, in tests). */
export interface ProjectView {
  readText(path: string): string | undefined;
  /** Every project-relative POSIX path (excluding node_modules/.git). */
  files(): string[];
}

export interface ResourceChanges {
  /** path → full new content, for new files and for modified existing files. */
  files: Map<string, string>;
  name: ResourceNames;
  /** The migration folder, e.g. 'migrations/0100_create_products'. */
  migration: string;
}

/** PostgreSQL truncates longer identifiers, which would make two index names collide silently. */
const MAX_IDENTIFIER = 63;

/**
 * `generate resource <name> --fields <spec>`: everything that changes in the project, computed in
 * memory. Pure: the caller writes the files (atomically) and updates the manifest. Bad input and a
 * resource that already exists are CliErrors with exit 2. `migrationNumber` is given when `add`
 * renders a resource again that was generated before.
 */
export function planResource(project: ProjectView, options: StackOptions, name: string, fieldsSpec: string, migrationNumber = nextMigrationNumber(project)): ResourceChanges {
  const names = resourceNames(name);
  const fields = parseFields(fieldsSpec);
  const migration = `${migrationNumber}_create_${names.table}`;
  const context = resourceContext(names, fields, options, migration);

  const tooLong = context.indexes.map((index) => index.name).filter((index) => index.length > MAX_IDENTIFIER);
  if (tooLong.length > 0) {
    throw new CliError('INVALID_RESOURCE', `Index name ${tooLong[0]} is longer than PostgreSQL's ${MAX_IDENTIFIER} characters`, 'Shorten the resource or field name.');
  }
  assertResourceIsNew(project, names, resourceFilePaths(context));

  const files = renderResourceFiles(context);
  for (const [path, text] of wireResource(project, context)) files.set(path, text);
  return { files, name: names, migration: `migrations/${migration}` };
}
