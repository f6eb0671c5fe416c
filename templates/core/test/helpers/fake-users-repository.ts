import { randomUUID } from 'node:crypto';
import type { NewUser, User, UserChanges, UserKeyset, UserListQuery, UsersRepository } from '../../src/types/user.js';
import { ConflictError } from '../../src/utils/errors.js';

/** An in-memory UsersRepository for service unit tests: same contract, no database. */
export class FakeUsersRepository implements UsersRepository {
  readonly rows = new Map<string, User>();
  readonly calls: string[] = [];
  private tick = 0;

  private timestamp(): string {
    this.tick += 1;
    return new Date(Date.UTC(2025, 0, 1, 0, 0, this.tick)).toISOString();
  }

  async create(user: NewUser): Promise<User> {
    this.calls.push('create');
    if ([...this.rows.values()].some((row) => row.email === user.email)) throw new ConflictError('taken');
    const at = this.timestamp();
    const row: User = { id: randomUUID(), email: user.email, name: user.name, role: user.role ?? 'user', status: 'active', createdAt: at, updatedAt: at };
    this.rows.set(row.id, row);
    return row;
  }

  async findById(id: string): Promise<User | null> {
    this.calls.push('findById');
    return this.rows.get(id) ?? null;
  }

  async update(id: string, changes: UserChanges): Promise<User | null> {
    this.calls.push('update');
    const row = this.rows.get(id);
    if (!row) return null;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const next: User = { ...row, ...defined, updatedAt: this.timestamp() };
    this.rows.set(id, next);
    return next;
  }

  async delete(id: string): Promise<boolean> {
    this.calls.push('delete');
    return this.rows.delete(id);
  }

  private sorted(query: UserListQuery): User[] {
    const keys = [...query.sort, { key: 'id' as const, direction: query.sort.at(-1)?.direction ?? 'asc' }];
    return [...this.rows.values()]
      .filter((u) => (query.filters.status ? u.status === query.filters.status : true))
      .filter((u) => (query.filters.role ? u.role === query.filters.role : true))
      .sort((a, b) => {
        for (const { key, direction } of keys) {
          const order = a[key].localeCompare(b[key]);
          if (order !== 0) return direction === 'asc' ? order : -order;
        }
        return 0;
      });
  }

  async listAfter(query: UserListQuery, after: UserKeyset | undefined): Promise<User[]> {
    this.calls.push('listAfter');
    const rows = this.sorted(query);
    const start = after === undefined ? 0 : rows.findIndex((u) => u.id === after.at(-1)) + 1;
    return rows.slice(start, start + query.limit);
  }

  async listPage(query: UserListQuery, offset: number): Promise<{ rows: User[]; total: number }> {
    this.calls.push('listPage');
    const rows = this.sorted(query);
    return { rows: rows.slice(offset, offset + query.limit), total: rows.length };
  }
}
