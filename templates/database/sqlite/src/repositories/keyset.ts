import { and, asc, desc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { SortDirection } from '../types/pagination.js';

/**
 * Keyset (seek) pagination helpers. The order is the requested keys followed by the primary key,
 * so it is total: every row has one position, and rows inserted between two page fetches can never
 * shift a row across a page boundary (unlike OFFSET). Reusable by every repository.
 */

export interface KeysetColumn {
  column: SQLiteColumn;
  direction: SortDirection;
}

export function keysetOrder(columns: KeysetColumn[]): SQL[] {
  return columns.map(({ column, direction }) => (direction === 'asc' ? asc(column) : desc(column)));
}

/** Rows strictly after `values` (one per column, already in the columns' JS types) in that order. */
export function keysetAfter(columns: KeysetColumn[], values: unknown[]): SQL | undefined {
  if (columns.length !== values.length) throw new Error('keyset: one value per column expected');
  const uniform = columns.every((c) => c.direction === columns[0]?.direction);
  if (uniform) {
    // (a, b, id) > (x, y, z): one row-value comparison (SQLite 3.15+) that an index on (a, b, id) answers.
    // sql.param maps each value through its column, so a Date becomes the stored milliseconds.
    const op = columns[0]?.direction === 'desc' ? sql`<` : sql`>`;
    const left = sql.join(columns.map((c) => sql`${c.column}`), sql`, `);
    const right = sql.join(columns.map((c, i) => sql.param(values[i], c.column)), sql`, `);
    return sql`(${left}) ${op} (${right})`;
  }
  // Mixed directions: (a > x) OR (a = x AND b < y) OR (a = x AND b = y AND id > z) …
  const branches = columns.map((current, i) => {
    const equalities = columns.slice(0, i).map((c, j) => eq(c.column, values[j]));
    const step = current.direction === 'asc' ? gt(current.column, values[i]) : lt(current.column, values[i]);
    return and(...equalities, step);
  });
  return or(...branches);
}
