import { leadingIndex, parseMigrations, upMigrations, type SqlSchema } from '../sql-schema.js';
import { fail, listSome, pass, warn, type DoctorCheck, type DoctorContext } from '../types.js';

export function migrationSchema(context: DoctorContext): { schema: SqlSchema; files: number } {
  const paths = upMigrations(context.files.list());
  const sources = paths.map((path) => ({ path, text: context.files.read(path) ?? '' }));
  return { schema: parseMigrations(sources), files: paths.length };
}

/**
 * Cheatsheet §5: index foreign keys. PostgreSQL indexes the referenced key, not the referencing column:
 * without an index whose leading column(s) are the foreign key, a join scans the table and every delete
 * of a parent row scans it too (ON DELETE CASCADE / SET NULL). A partial index does not count: it cannot
 * serve those scans for every row.
 */
export const foreignKeyIndexesCheck: DoctorCheck = {
  id: 'indexes-foreign-keys',
  title: 'Foreign keys indexed',
  run(context) {
    const { schema, files } = migrationSchema(context);
    if (files === 0) return warn('no migrations/*/up.sql found', 'Keep the schema in migrations/<nnnn>_<name>/up.sql (and down.sql).');
    const foreignKeys = [...schema.values()].flatMap((table) => table.foreignKeys.map((fk) => ({ table, fk })));
    const missing = foreignKeys.filter(({ table, fk }) => leadingIndex(table, fk.columns, { allowPartial: false }) === undefined);
    if (missing.length > 0) {
      const named = missing.map(({ table, fk }) => `${table.name}(${fk.columns.join(', ')}) → ${fk.references} (${fk.where})`);
      const [first] = missing;
      const example = first ? `CREATE INDEX ${first.table.name}_${first.fk.columns.join('_')}_idx ON ${first.table.name} (${first.fk.columns.join(', ')});` : '';
      return fail(`no index leads with ${listSome(named, 2)}`, `Add an index in a new migration, e.g. ${example}`);
    }
    return pass(`${foreignKeys.length} foreign key${foreignKeys.length === 1 ? '' : 's'} in ${files} migrations, each the leading column(s) of an index or key`);
  },
};
