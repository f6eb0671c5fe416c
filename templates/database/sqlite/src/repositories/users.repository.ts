import { and, count, eq, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { users } from '../db/schema.js';
import { unicodeLower, type Db } from '../lib/database.js';
import type {
  NewUser,
  User,
  UserChanges,
  UserFilters,
  UserKeyset,
  UserListQuery,
  UserSortKey,
  UsersRepository,
} from '../types/user.js';
import { keysetAfter, keysetOrder, type KeysetColumn } from './keyset.js';
import { emailTaken, escapeLike, keysetValues, toUser } from './user-rows.js';
import { isUniqueViolation, withDatabase } from './sqlite-errors.js';

const SORT_COLUMNS = {
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  name: users.name,
  email: users.email,
} as const satisfies Record<UserSortKey, unknown>;

/**
 * Case-insensitive over all of Unicode, like PostgreSQL's ILIKE: SQLite's LIKE folds ASCII only, so both
 * sides are lowered by the same function (registered on the connection in src/lib/database.ts). SQLite
 * has no default LIKE escape character: ESCAPE names the one escapeLike uses.
 */
function containsText(column: SQLiteColumn, pattern: string): SQL {
  return sql`unicode_lower(${column}) like ${pattern} escape '\\'`;
}

function whereFilters(filters: UserFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filters.status !== undefined) conditions.push(eq(users.status, filters.status));
  if (filters.role !== undefined) conditions.push(eq(users.role, filters.role));
  if (filters.search !== undefined) {
    const pattern = `%${escapeLike(unicodeLower(filters.search))}%`;
    conditions.push(or(containsText(users.name, pattern), containsText(users.email, pattern)));
  }
  return and(...conditions);
}

/** The requested order plus the id tie-breaker (in the last key's direction, so one index serves it). */
function orderColumns(query: UserListQuery): KeysetColumn[] {
  const columns: KeysetColumn[] = query.sort.map((s) => ({ column: SORT_COLUMNS[s.key], direction: s.direction }));
  columns.push({ column: users.id, direction: query.sort.at(-1)?.direction ?? 'asc' });
  return columns;
}

/**
 * better-sqlite3 runs each statement synchronously on the one connection, so a statement (and a
 * transaction) ends before another request's starts; RETURNING gives the row as stored.
 */
export class DrizzleUsersRepository implements UsersRepository {
  constructor(private readonly db: Db) {}

  async create(user: NewUser): Promise<User> {
    const now = new Date();
    try {
      const row = await withDatabase(() =>
        this.db
          .insert(users)
          .values({ email: user.email, name: user.name, ...(user.role ? { role: user.role } : {}), createdAt: now, updatedAt: now })
          .returning()
          .get(),
      );
      return toUser(row);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_unique')) throw emailTaken();
      throw error;
    }
  }

  async findById(id: string): Promise<User | null> {
    const row = await withDatabase(() => this.db.select().from(users).where(eq(users.id, id)).get());
    return row ? toUser(row) : null;
  }

  async update(id: string, changes: UserChanges): Promise<User | null> {
    try {
      const row = await withDatabase(() =>
        this.db
          .update(users)
          .set({ ...changes, updatedAt: new Date() })
          .where(eq(users.id, id))
          .returning()
          .get(),
      );
      return row ? toUser(row) : null;
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_unique')) throw emailTaken();
      throw error;
    }
  }

  async delete(id: string): Promise<boolean> {
    const result = await withDatabase(() => this.db.delete(users).where(eq(users.id, id)).run());
    return result.changes > 0;
  }

  async listAfter(query: UserListQuery, after: UserKeyset | undefined): Promise<User[]> {
    const columns = orderColumns(query);
    const seek = after === undefined ? undefined : keysetAfter(columns, keysetValues(query, after));
    const rows = await withDatabase(() =>
      this.db
        .select()
        .from(users)
        .where(and(whereFilters(query.filters), seek))
        .orderBy(...keysetOrder(columns))
        .limit(query.limit)
        .all(),
    );
    return rows.map(toUser);
  }

  async listPage(query: UserListQuery, offset: number): Promise<{ rows: User[]; total: number }> {
    const where = whereFilters(query.filters);
    // One read transaction: the page and the total come from the same snapshot.
    const { rows, total } = await withDatabase(() =>
      this.db.transaction((tx) => ({
        rows: tx
          .select()
          .from(users)
          .where(where)
          .orderBy(...keysetOrder(orderColumns(query)))
          .limit(query.limit)
          .offset(offset)
          .all(),
        total: tx.select({ total: count() }).from(users).where(where).get()?.total ?? 0,
      })),
    );
    return { rows: rows.map(toUser), total };
  }
}
