import { and, asc, desc, eq, gt, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import type { SortDirection } from '../types/pagination.js';

/**
 * Keyset (seek) pagination helpers. The order is the requested keys followed by the primary key,
 * so it is total: every row has one position, and rows inserted between two page fetches can never
 * shift a row across a page boundary (unlike OFFSET). Reusable by every repository.
 */

export interface KeysetColumn {
  column: MySqlColumn;
  direction: SortDirection;
}

export function keysetOrder(columns: KeysetColumn[]): SQL[] {
  return columns.map(({ column, direction }) => (direction === 'asc' ? asc(column) : desc(column)));
}

/** Rows strictly after `values` (one per column, already in the columns' JS types) in that order. */
export function keysetAfter(columns: KeysetColumn[], values: unknown[]): SQL | undefined {
  if (columns.length !== values.length) throw new Error('keyset: one value per column expected');
  const [first] = columns;
  if (first === undefined) return undefined;
  // (a > x) OR (a = x AND b < y) OR (a = x AND b = y AND id > z) … — whatever the directions. MariaDB
  // does not turn a row comparison (a, b, id) > (x, y, z) into an index range, so it is spelt out, and
  // the redundant bound on the first key (a >= x) gives the optimizer a range to seek to.
  const branches = columns.map((current, i) => {
    const equalities = columns.slice(0, i).map((c, j) => eq(c.column, values[j]));
    const step = current.direction === 'asc' ? gt(current.column, values[i]) : lt(current.column, values[i]);
    return and(...equalities, step);
  });
  const bound = first.direction === 'asc' ? gte(first.column, values[0]) : lte(first.column, values[0]);
  return and(bound, or(...branches));
}
