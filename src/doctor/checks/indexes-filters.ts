import { Node, SyntaxKind, type Expression } from 'ts-morph';
import { leadingIndex, type Table } from '../sql-schema.js';
import { properties, SourceIndex, stringArray, unwrap, zodObjectShape } from '../ts-source.js';
import { listSome, pass, warn, type DoctorCheck, type DoctorContext } from '../types.js';
import { migrationSchema } from './indexes-foreign-keys.js';

/*
 * Which columns do list endpoints filter and sort on? The heuristic follows how `users` is built (and
 * how `solid-backend generate resource` builds every new resource):
 * - a list endpoint declares its query string as an exported zod object named `list<Resource>QuerySchema`
 *   in src/routes/schemas/<resource>.ts;
 * - its table is the resource in snake_case (`listBlogPostsQuerySchema` → blog_posts), else the file name;
 * - pagination and shaping parameters (page, limit, cursor, fields, …) never reach a WHERE clause;
 * - `search` is a case-insensitive substring match over several columns (ILIKE '%…%'), which no B-tree
 *   index can serve, so it is not asked for one;
 * - `sort` may order by each key of the array given to `parseSort(raw, KEYS)` (or of its z.enum): ORDER BY
 *   columns, which keyset pagination walks as (column, id);
 * - every other parameter is an equality filter on the column of the same name (camelCase → snake_case).
 * Each such column should lead an index, primary key or unique constraint (a partial index counts: it is
 * the cheatsheet's own advice for filtered queries). A parameter with no column of that name (a computed
 * filter) is listed as unchecked, never guessed.
 *
 * Severity is warn, not fail: whether an index pays off depends on the table's size and the filter's
 * selectivity, which only the developer knows. Foreign keys, which always need one, fail instead.
 */

const notFilters = new Set(['page', 'limit', 'cursor', 'offset', 'after', 'before', 'fields', 'include', 'expand', 'perPage', 'pageSize', 'search', 'q']);

const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();

interface Wanted {
  column: string;
  why: string;
}

/** The allowed sort keys: the array handed to parseSort (followed through imports), or a z.enum's values. */
function sortKeys(index: SourceIndex, file: string, sort: Expression): string[] {
  for (const call of [sort, ...sort.getDescendantsOfKind(SyntaxKind.CallExpression)]) {
    if (!Node.isCallExpression(call)) continue;
    const callee = call.getExpression();
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    const [first, second] = call.getArguments();
    if (name === 'parseSort' && second) {
      const keys = Node.isIdentifier(second) ? stringArray(index.variable(file, second.getText())?.getInitializer()) : stringArray(second);
      if (keys) return keys;
    }
    if (name === 'enum' && first) {
      const keys = stringArray(first);
      if (keys) return keys.map((key) => key.replace(/^[-+]/, ''));
    }
  }
  return [];
}

export function wantedIndexes(index: SourceIndex): { schemaName: string; where: string; candidates: string[]; wanted: Wanted[] }[] {
  const found: { schemaName: string; where: string; candidates: string[]; wanted: Wanted[] }[] = [];
  for (const source of index.files('QuerySchema')) {
    const file = SourceIndex.pathOf(source);
    if (!file.startsWith('src/routes/schemas/')) continue;
    for (const declaration of source.getVariableDeclarations()) {
      const resource = /^list(\w+)QuerySchema$/.exec(declaration.getName())?.[1];
      const shape = zodObjectShape(declaration.getInitializer());
      if (resource === undefined || shape === undefined || !declaration.isExported()) continue;
      const wanted: Wanted[] = [];
      for (const [parameter, schema] of properties(shape)) {
        if (notFilters.has(parameter)) continue;
        if (parameter === 'sort') {
          for (const key of sortKeys(index, file, unwrap(schema) ?? schema)) wanted.push({ column: snakeCase(key), why: `sort=${key}` });
        } else {
          wanted.push({ column: snakeCase(parameter), why: `filter ${parameter}` });
        }
      }
      const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.ts$/, '');
      found.push({ schemaName: declaration.getName(), where: SourceIndex.where(declaration), candidates: [snakeCase(resource), snakeCase(base)], wanted });
    }
  }
  return found;
}

export const filterIndexesCheck: DoctorCheck = {
  id: 'indexes-filters',
  title: 'Filtered and sorted columns indexed',
  run(context: DoctorContext) {
    const { schema } = migrationSchema(context);
    const unindexed: string[] = [];
    const unchecked: string[] = [];
    let checked = 0;
    const lists = wantedIndexes(context.source());
    for (const list of lists) {
      const table: Table | undefined = list.candidates.map((name) => schema.get(name)).find((t) => t !== undefined);
      if (table === undefined) {
        unchecked.push(`${list.schemaName} (no table ${list.candidates[0]})`);
        continue;
      }
      for (const { column, why } of list.wanted) {
        if (!table.columns.has(column)) {
          unchecked.push(`${why} of ${list.schemaName}`);
        } else if (leadingIndex(table, [column], { allowPartial: true }) === undefined) {
          unindexed.push(`${table.name}.${column} (${why}, ${list.where})`);
        } else {
          checked += 1;
        }
      }
    }
    if (unindexed.length > 0) {
      return warn(`no index leads with ${listSome(unindexed, 2)}`, 'Add an index in a new migration (for a sort key: ON table (column, id), as keyset pagination walks it), or drop the filter.');
    }
    const note = unchecked.length > 0 ? `; not checked: ${listSome(unchecked, 2)}` : '';
    return pass(`${checked} filter/sort column${checked === 1 ? '' : 's'} of ${lists.length} list endpoint${lists.length === 1 ? '' : 's'} lead an index${note}`);
  },
};
