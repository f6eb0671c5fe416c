import { randomUUID } from 'node:crypto';
import { and, count, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { NOW, users } from '../db/schema.js';
import { COLLATION, type Db } from '../lib/database.js';
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
import { isUniqueViolation, withDatabase } from './mysql-errors.js';

const SORT_COLUMNS = {
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  name: users.name,
  email: users.email,
} as const satisfies Record<UserSortKey, unknown>;

function whereFilters(filters: UserFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filters.status !== undefined) conditions.push(eq(users.status, filters.status));
  if (filters.role !== undefined) conditions.push(eq(users.role, filters.role));
  if (filters.search !== undefined) {
    const pattern = `%${escapeLike(filters.search)}%`;
    // name compares case-insensitively by its collation; email is binary (exact uniqueness), so its
    // search asks for the same case-insensitive collation explicitly.
    conditions.push(or(like(users.name, pattern), sql`${users.email} collate ${sql.raw(COLLATION)} like ${pattern}`));
  }
  return and(...conditions);
}

/** The requested order plus the id tie-breaker (in the last key's direction, so one index serves it). */
function orderColumns(query: UserListQuery): KeysetColumn[] {
  const columns: KeysetColumn[] = query.sort.map((s) => ({ column: SORT_COLUMNS[s.key], direction: s.direction }));
  columns.push({ column: users.id, direction: query.sort.at(-1)?.direction ?? 'asc' });
  return columns;
}

export class DrizzleUsersRepository implements UsersRepository {
  constructor(private readonly db: Db) {}

  // MySQL has no RETURNING: each write reads its row back by id in the same transaction.

  async create(user: NewUser): Promise<User> {
    const id = randomUUID();
    try {
      const row = await withDatabase(() =>
        this.db.transaction(async (tx) => {
          await tx.insert(users).values({ id, email: user.email, name: user.name, ...(user.role ? { role: user.role } : {}) });
          const [inserted] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
          if (!inserted) throw new Error('INSERT did not leave a row to read back');
          return inserted;
        }),
      );
      return toUser(row);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_unique')) throw emailTaken();
      throw error;
    }
  }

  async findById(id: string): Promise<User | null> {
    const [row] = await withDatabase(() => this.db.select().from(users).where(eq(users.id, id)).limit(1));
    return row ? toUser(row) : null;
  }

  async update(id: string, changes: UserChanges): Promise<User | null> {
    try {
      const row = await withDatabase(() =>
        this.db.transaction(async (tx) => {
          const [result] = await tx
            .update(users)
            .set({ ...changes, updatedAt: NOW })
            .where(eq(users.id, id));
          if (result.affectedRows === 0) return undefined;
          const [updated] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
          return updated;
        }),
      );
      return row ? toUser(row) : null;
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_unique')) throw emailTaken();
      throw error;
    }
  }

  async delete(id: string): Promise<boolean> {
    const [result] = await withDatabase(() => this.db.delete(users).where(eq(users.id, id)));
    return result.affectedRows > 0;
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
        .limit(query.limit),
    );
    return rows.map(toUser);
  }

  async listPage(query: UserListQuery, offset: number): Promise<{ rows: User[]; total: number }> {
    const where = whereFilters(query.filters);
    const [rows, totals] = await withDatabase(() =>
      Promise.all([
        this.db
          .select()
          .from(users)
          .where(where)
          .orderBy(...keysetOrder(orderColumns(query)))
          .limit(query.limit)
          .offset(offset),
        this.db.select({ total: count() }).from(users).where(where),
      ]),
    );
    return { rows: rows.map(toUser), total: totals[0]?.total ?? 0 };
  }
}
