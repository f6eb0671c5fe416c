import { CliError } from '../core/errors.js';
import type { StackOptions } from '../core/options.js';
import { assertResourceIsNew, nextMigrationNumber } from './clash.js';
import { resourceContext } from './context.js';
import { DIALECT_NAME, MAX_IDENTIFIER, type Dialect } from './dialects.js';
import { parseFields, type FieldSpec } from './fields.js';
import { resourceNames, type ResourceNames } from './names.js';
import { isReservedIn } from './reserved-words.js';
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

/** The project's database reserves more words than PostgreSQL, whose words the parsers already refuse. */
function assertNotReservedIn(database: Dialect, names: ResourceNames, fields: readonly FieldSpec[]): void {
  const label = DIALECT_NAME[database];
  if (isReservedIn(database, names.table)) {
    throw new CliError('INVALID_RESOURCE', `The resource name "${names.singular}" is a reserved word in ${label} ("${names.table}")`, 'Choose another name, or add a word: "price-range" instead of "range".');
  }
  const field = fields.find((f) => isReservedIn(database, f.column) || isReservedIn(database, f.name));
  if (field !== undefined) {
    throw new CliError('INVALID_RESOURCE', `The field name "${field.name}" is a reserved word in ${label}`, 'Choose another name, e.g. "apiKey" instead of "key".');
  }
}

/**
 * `generate resource <name> --fields <spec>`: everything that changes in the project, computed in
 * memory. Pure: the caller writes the files (atomically) and updates the manifest. Bad input and a
 * resource that already exists are CliErrors with exit 2. `migrationNumber` is given when `add`
 * renders a resource again that was generated before.
 */
export function planResource(project: ProjectView, options: StackOptions, name: string, fieldsSpec: string, migrationNumber = nextMigrationNumber(project)): ResourceChanges {
  const names = resourceNames(name);
  const fields = parseFields(fieldsSpec);
  assertNotReservedIn(options.database, names, fields);
  const migration = `${migrationNumber}_create_${names.table}`;
  const context = resourceContext(names, fields, options, migration);

  const limit = MAX_IDENTIFIER[options.database];
  const tooLong = context.indexes.map((index) => index.name).filter((index) => index.length > limit);
  if (tooLong.length > 0) {
    throw new CliError('INVALID_RESOURCE', `Index name ${tooLong[0]} is longer than ${DIALECT_NAME[options.database]}'s ${limit} characters`, 'Shorten the resource or field name.');
  }
  assertResourceIsNew(project, names, resourceFilePaths(context));

  const files = renderResourceFiles(context);
  for (const [path, text] of wireResource(project, context)) files.set(path, text);
  return { files, name: names, migration: `migrations/${migration}` };
}
