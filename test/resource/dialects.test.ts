import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/core/errors.js';
import type { StackOptions } from '../../src/core/options.js';
import { planResource } from '../../src/resource/plan-resource.js';
import { resourceChange } from '../../src/resource/resource-change.js';
import { projectManifestSchema } from '../../src/tree/manifest.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

/** Every field type, required and optional, sortable, filterable and neither. */
const FIELDS = 'title:string,body:text?,views:integer,rating:number?,featured:boolean,releaseDate:date?,publishedAt:datetime,dueAt:datetime?,ownerId:uuid?,code:uuid';
const MIGRATION = 'migrations/0100_create_articles/up.sql';
const DOWN = 'migrations/0100_create_articles/down.sql';
const SCHEMA = 'src/db/article-schema.ts';
const REPOSITORY = 'src/repositories/articles.repository.ts';
const DIALECT_FILES = new Set([MIGRATION, SCHEMA, REPOSITORY]);

/** The project's wiring files do not depend on the database, so one generated project serves every dialect. */
const base = presetOptions('standard');
const { tree } = generateTree(base);
const plan = (database: StackOptions['database'], name = 'article', fields = FIELDS) => planResource(tree, { ...base, database }, name, fields);
const postgres = plan('postgres');

/** `name type …` column lines of a CREATE TABLE, as [name, type]. */
function columns(migration: string): [string, string][] {
  const body = /CREATE TABLE \w+ \(\n([\s\S]*?)\n\)/.exec(migration)?.[1] ?? '';
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !/^(CONSTRAINT|PRIMARY KEY|INDEX)\b/.test(line))
    .map((line) => {
      const [name = '', type = ''] = line.replace(/,$/, '').split(/\s+/);
      return [name, type];
    });
}

const indexNames = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]).sort();

describe.each(['sqlite', 'mysql'] as const)('generate resource on %s', (database) => {
  const changes = plan(database);
  const text = (path: string) => changes.files.get(path) ?? '';

  it('writes the same files as on PostgreSQL, differing only in the migration, schema and repository', () => {
    expect([...changes.files.keys()].sort()).toEqual([...postgres.files.keys()].sort());
    for (const [path, content] of changes.files) {
      expect(content, `${path} has unrendered Handlebars`).not.toContain('{{');
      if (!DIALECT_FILES.has(path)) expect(content, path).toBe(postgres.files.get(path));
    }
    expect(text(DOWN)).toBe('DROP TABLE IF EXISTS articles;\n');
  });

  it('uses no PostgreSQL-only SQL or Drizzle module', () => {
    for (const path of DIALECT_FILES) {
      expect(text(path), path).not.toMatch(/pg-core|pg-errors|gen_random_uuid|timestamptz|ilike|now\(\)|defaultRandom|uuid\(/);
    }
    expect(text(SCHEMA)).toContain(`from 'drizzle-orm/${database}-core'`);
    expect(text(REPOSITORY)).toContain(`import { withDatabase } from './${database}-errors.js';`);
    expect(text(REPOSITORY)).toContain("from './keyset.js';");
  });

  it('declares the same columns, in the same order, as PostgreSQL', () => {
    expect(columns(text(MIGRATION)).map(([name]) => name)).toEqual(columns(postgres.files.get(MIGRATION) ?? '').map(([name]) => name));
  });

  it('names its indexes as PostgreSQL does, in the migration and in the Drizzle schema', () => {
    const expected = indexNames(postgres.files.get(MIGRATION) ?? '', /CREATE INDEX (\w+)/g);
    expect(expected).toHaveLength(9);
    expect(indexNames(text(SCHEMA), /index\('(\w+)'\)/g)).toEqual(expected);
    const inMigration = database === 'mysql' ? /^ {2}INDEX (\w+)/gm : /CREATE INDEX (\w+)/g;
    expect(indexNames(text(MIGRATION), inMigration)).toEqual(expected);
  });

  it('lower-cases UUID fields on write and in filters, as PostgreSQL\'s uuid type answers', () => {
    const repository = text(REPOSITORY);
    expect(repository).toContain('code: input.code.toLowerCase(),');
    expect(repository).toContain('ownerId: input.ownerId?.toLowerCase() ?? null,');
    expect(repository).toContain('ownerId: changes.ownerId === null ? null : changes.ownerId?.toLowerCase(),');
    expect(repository).toContain('eq(articles.code, filters.code.toLowerCase())');
  });
});

describe.each(['sqlite', 'mysql'] as const)('a project generated with --database %s', (database) => {
  it('gets the resource of its database, from the options in its manifest', () => {
    const options = presetOptions('standard', { database });
    const project = generateTree(options).tree;
    const manifest = projectManifestSchema.parse(JSON.parse(project.readText('solid-backend.json') ?? '{}'));
    expect(manifest.options.database).toBe(database);
    const { planned } = resourceChange(project, manifest, 'article', FIELDS);
    const expected = plan(database);
    for (const path of DIALECT_FILES) expect(planned.files.get(path), path).toBe(expected.files.get(path));
    // The dialect's own modules, which the repository imports, are in the project.
    expect(project.readText(`src/repositories/${database}-errors.ts`)).toContain('export async function withDatabase');
    expect(project.readText('src/repositories/keyset.ts')).toContain('export function keysetAfter');
  });
});

describe('SQLite', () => {
  const changes = plan('sqlite');
  const migration = changes.files.get(MIGRATION) ?? '';
  const schema = changes.files.get(SCHEMA) ?? '';
  const repository = changes.files.get(REPOSITORY) ?? '';

  it('stores every type as text, integer or real in a STRICT table, instants as integer milliseconds', () => {
    expect(Object.fromEntries(columns(migration))).toEqual({
      id: 'text', title: 'text', body: 'text', views: 'integer', rating: 'real', featured: 'integer', release_date: 'text',
      published_at: 'integer', due_at: 'integer', owner_id: 'text', code: 'text', created_at: 'integer', updated_at: 'integer',
    });
    expect(migration).toMatch(/\n\) STRICT;\n/);
    expect(migration).toContain('  id           text    PRIMARY KEY NOT NULL,\n');
    expect(schema).toContain("const at = (name: string) => integer(name, { mode: 'timestamp_ms' });");
    expect(schema).toContain("featured: integer('featured', { mode: 'boolean' }).notNull(),");
    expect(schema).toContain('.$defaultFn(() => randomUUID()),');
  });

  it('holds with CHECKs what the PostgreSQL types hold, named alike in the migration and the schema', () => {
    const checks = {
      articles_title_check: 'length(title) <= 255',
      articles_views_check: 'views BETWEEN -2147483648 AND 2147483647',
      articles_featured_check: 'featured IN (0, 1)',
      articles_release_date_check: 'date(release_date) IS release_date',
      articles_owner_id_check: 'length(owner_id) = 36 AND owner_id = lower(owner_id)',
      articles_code_check: 'length(code) = 36 AND code = lower(code)',
    };
    expect(Object.fromEntries([...migration.matchAll(/CONSTRAINT (\w+) +CHECK \((.*)\),?\n/g)].map((m) => [m[1], m[2]]))).toEqual(checks);
    expect(indexNames(schema, /check\('(\w+)'/g)).toEqual(Object.keys(checks).sort());
    expect(schema).toContain("check('articles_title_check', sql`length(${t.title}) <= 255`),");
  });

  it('needs no CHECK (nor the sql import) for a resource of unconstrained types', () => {
    const notes = plan('sqlite', 'note', 'body:text,at:datetime?,score:number');
    const noteSchema = notes.files.get('src/db/note-schema.ts') ?? '';
    expect(noteSchema).not.toContain('check');
    expect(noteSchema).not.toContain("from 'drizzle-orm';");
    expect(notes.files.get('migrations/0100_create_notes/up.sql')).not.toContain('CONSTRAINT');
  });

  it('writes through synchronous better-sqlite3 calls, RETURNING the stored row, paging in one read transaction', () => {
    expect(repository).toMatch(/\.returning\(\)\n\s+\.get\(\),/);
    expect(repository).toContain('.run());\n    return result.changes > 0;');
    expect(repository).toContain('this.db.transaction((tx) => ({');
    expect(repository).not.toMatch(/transaction\(async/);
    expect(repository).toContain('updatedAt: new Date(),');
  });
});

describe('MySQL', () => {
  const changes = plan('mysql');
  const migration = changes.files.get(MIGRATION) ?? '';
  const schema = changes.files.get(SCHEMA) ?? '';
  const repository = changes.files.get(REPOSITORY) ?? '';

  it('uses char(36) UUIDs, datetime(3), varchar and InnoDB utf8mb4 in one CREATE TABLE statement', () => {
    expect(Object.fromEntries(columns(migration))).toEqual({
      id: 'char(36)', title: 'varchar(255)', body: 'mediumtext', views: 'int', rating: 'double', featured: 'boolean', release_date: 'date',
      published_at: 'datetime(3)', due_at: 'datetime(3)', owner_id: 'char(36)', code: 'char(36)', created_at: 'datetime(3)', updated_at: 'datetime(3)',
    });
    expect(migration).toContain('  id           char(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,\n');
    expect(migration).toContain('  code         char(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,\n');
    expect(migration).toContain('  created_at   datetime(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),\n');
    expect(migration).toContain('  PRIMARY KEY (id),\n');
    expect(migration).toMatch(/\n\) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;\n$/);
    expect(migration.replace(/^--.*\n/gm, '').match(/;/g)).toHaveLength(1);
    expect(schema).toContain("const at = (name: string) => datetime(name, { mode: 'date', fsp: 3 });");
    expect(schema).toContain("body: mediumtext('body'),");
  });

  it('has no RETURNING: inserts with an application-made id and reads the row back in the same transaction', () => {
    expect(repository).not.toContain('returning');
    expect(repository).toContain('const id = randomUUID();');
    expect(repository.match(/this\.db\.transaction\(async \(tx\) =>/g)).toHaveLength(2);
    expect(repository).toContain('return result.affectedRows > 0;');
    expect(repository).toContain('updatedAt: sql`CURRENT_TIMESTAMP(3)`,');
  });
});

describe('index name limits follow the database', () => {
  // The (column, id) index of a 40-character table and a 16-character column is 64 characters long.
  const table = 'a'.repeat(39);
  const name = `${table}s`;
  const longest = `${'b'.repeat(16)}:string`;

  it('refuses on PostgreSQL (63) what MySQL (64) and SQLite take', () => {
    const refused = (() => {
      try {
        plan('postgres', name, longest);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(CliError);
    expect((refused as CliError).message).toContain("PostgreSQL's 63 characters");
    expect(plan('mysql', name, longest).files.size).toBeGreaterThan(0);
    expect(plan('sqlite', name, longest).files.size).toBeGreaterThan(0);
    expect(() => plan('mysql', name, `${'b'.repeat(17)}:string`)).toThrow("MySQL's 64 characters");
  });
});

describe('reserved words follow the database', () => {
  const refusal = (run: () => unknown): CliError => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      return error as CliError;
    }
    throw new Error('expected a CliError');
  };

  it.each([
    ['mysql', 'product', 'key:string', 'The field name "key" is a reserved word in MySQL'],
    ['mysql', 'product', 'title:string,rank:integer', 'The field name "rank" is a reserved word in MySQL'],
    ['mysql', 'product', 'dayHour:string', 'The field name "dayHour" is a reserved word in MySQL'],
    ['mysql', 'key', 'title:string', 'The resource name "key" is a reserved word in MySQL ("keys")'],
    ['sqlite', 'product', 'index:integer', 'The field name "index" is a reserved word in SQLite'],
    ['sqlite', 'product', 'raise:number', 'The field name "raise" is a reserved word in SQLite'],
  ] as const)('%s refuses %s --fields %s', (database, name, fields, message) => {
    const error = refusal(() => plan(database, name, fields));
    expect(error.code).toBe('INVALID_RESOURCE');
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(message);
  });

  it('takes on PostgreSQL what only the other databases reserve', () => {
    expect(plan('postgres', 'key', 'rank:integer,index:integer,raise:number').files.size).toBeGreaterThan(0);
  });
});
