import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTemplate } from '../render/handlebars.js';
import { defaultTemplatesDir } from '../render/render-folder.js';
import type { ResourceContext } from './context.js';
import type { Dialect } from './dialects.js';

/**
 * The files of a resource: which template renders each, and where it goes in the project. The
 * paths follow the users resource (src/repositories/users.repository.ts …); the type, schema and
 * rules modules are singular like theirs (src/types/user.ts, src/middleware/user-rules.ts).
 */
interface ResourceFile {
  /** `schema.ts.hbs`; a database other than PostgreSQL renders `schema.<database>.ts.hbs` when it is listed in `dialects`. */
  template: string;
  dialects?: readonly Dialect[];
  path(context: ResourceContext): string;
  when?(context: ResourceContext): boolean;
}

/** The databases with their own migration, Drizzle schema and repository templates (PostgreSQL's are the unsuffixed ones). */
const SQL_DIALECTS: readonly Dialect[] = ['sqlite', 'mysql'];

const RESOURCE_FILES: readonly ResourceFile[] = [
  { template: 'migration-up.sql.hbs', dialects: SQL_DIALECTS, path: (c) => `migrations/${c.migration}/up.sql` },
  { template: 'migration-down.sql.hbs', path: (c) => `migrations/${c.migration}/down.sql` },
  { template: 'schema.ts.hbs', dialects: SQL_DIALECTS, path: (c) => `src/db/${c.schemaFile}.ts` },
  { template: 'types.ts.hbs', path: (c) => `src/types/${c.names.singular}.ts` },
  { template: 'repository.ts.hbs', dialects: SQL_DIALECTS, path: (c) => `src/repositories/${c.names.plural}.repository.ts` },
  { template: 'service.ts.hbs', path: (c) => `src/services/${c.names.plural}.service.ts` },
  { template: 'controller.ts.hbs', path: (c) => `src/controllers/${c.names.plural}.controller.ts` },
  { template: 'route-schemas.ts.hbs', path: (c) => `src/routes/schemas/${c.names.plural}.ts` },
  { template: 'routes.ts.hbs', path: (c) => `src/routes/${c.names.plural}.routes.ts` },
  { template: 'rules.ts.hbs', path: (c) => rulesPath(c), when: (c) => c.hasAuth },
  { template: 'test-helpers.ts.hbs', path: (c) => `test/helpers/${c.names.plural}.ts` },
  { template: 'fake-repository.ts.hbs', path: (c) => `test/helpers/fake-${c.names.plural}-repository.ts` },
  { template: 'test-service.test.ts.hbs', path: (c) => `test/unit/${c.names.plural}.service.test.ts` },
  { template: 'test-crud.test.ts.hbs', path: (c) => `test/integration/${c.names.plural}-crud.test.ts` },
  { template: 'test-list.test.ts.hbs', path: (c) => `test/integration/${c.names.plural}-list.test.ts` },
];

export const rulesPath = (context: Pick<ResourceContext, 'names'>) => `src/middleware/${context.names.singular}-rules.ts`;

const templatesDir = join(defaultTemplatesDir, 'resource');
const sources = new Map<string, string>();

function source(template: string): string {
  let text = sources.get(template);
  if (text === undefined) {
    text = readFileSync(join(templatesDir, template), 'utf8');
    sources.set(template, text);
  }
  return text;
}

/** `repository.ts.hbs` → `repository.sqlite.ts.hbs`. */
const dialectTemplate = (template: string, dialect: Dialect) => template.replace(/(\.\w+\.hbs)$/, `.${dialect}$1`);

/** The paths the resource's new files would take, without rendering them (for the clash check). */
export function resourceFilePaths(context: ResourceContext): string[] {
  return RESOURCE_FILES.filter((file) => file.when?.(context) ?? true).map((file) => file.path(context));
}

export function renderResourceFiles(context: ResourceContext): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of RESOURCE_FILES) {
    if (file.when?.(context) === false) continue;
    const template = file.dialects?.includes(context.database) ? dialectTemplate(file.template, context.database) : file.template;
    files.set(file.path(context), renderTemplate(`resource/${template}`, source(template), context));
  }
  return files;
}
