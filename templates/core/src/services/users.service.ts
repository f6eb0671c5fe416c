import type { Cache } from '../lib/cache/index.js';
import type { EventPublisher } from '../lib/events.js';
import type { CursorPagination, OffsetPagination, Page } from '../types/pagination.js';
import type { NewUser, User, UserChanges, UserListQuery, UserRole, UsersRepository } from '../types/user.js';
import type { CursorCodec } from '../utils/cursor.js';
import { NotFoundError, ValidationError } from '../utils/errors.js';

/**
 * Users business logic. Knows nothing of HTTP or SQL: it gets a repository, a cache, a cursor codec
 * and an event publisher through its constructor, so unit tests hand it fakes.
 */

export interface ListUsersRequest extends UserListQuery {
  /** Offset pagination when set; cursor (keyset) pagination otherwise. */
  page?: number | undefined;
  cursor?: string | undefined;
}

export const userCacheKey = (id: string) => `users:${id}`;

/** Told of every role change an update makes (the audit trail of the auth modes listens). */
export interface RoleChangeListener {
  roleChanged(change: { userId: string; from: UserRole; to: UserRole }): void;
}

/** Emails are compared case-insensitively everywhere, so they are stored trimmed and lower-cased. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly cache: Cache,
    private readonly cursors: CursorCodec,
    private readonly events: EventPublisher,
  ) {}

  async create(input: NewUser): Promise<User> {
    const user = await this.users.create({ ...input, email: normalizeEmail(input.email) });
    await this.events.publish('user.created', { user });
    return user;
  }

  /** Cache-aside: served from the cache when possible; a missing user is never cached. */
  getById(id: string): Promise<User> {
    return this.cache.wrap(userCacheKey(id), async () => {
      const user = await this.users.findById(id);
      if (!user) throw new NotFoundError('User');
      return user;
    });
  }

  async update(id: string, changes: UserChanges, roles?: RoleChangeListener): Promise<User> {
    if (Object.values(changes).every((value) => value === undefined)) {
      throw new ValidationError('Provide at least one field to update');
    }
    // The role before, read from the database (not the cache) only when someone listens and it may change.
    const before = roles === undefined || changes.role === undefined ? null : await this.users.findById(id);
    const normalized = changes.email === undefined ? changes : { ...changes, email: normalizeEmail(changes.email) };
    const user = await this.users.update(id, normalized);
    // Invalidate after the write has committed, so no reader can re-cache the old row afterwards.
    await this.cache.delete(userCacheKey(id));
    if (!user) throw new NotFoundError('User');
    if (before !== null && before.role !== user.role) roles?.roleChanged({ userId: id, from: before.role, to: user.role });
    await this.events.publish('user.updated', { user });
    return user;
  }

  async delete(id: string): Promise<void> {
    const deleted = await this.users.delete(id);
    await this.cache.delete(userCacheKey(id));
    if (!deleted) throw new NotFoundError('User');
    await this.events.publish('user.deleted', { user: { id } });
  }

  list(request: ListUsersRequest): Promise<Page<User>> {
    return request.page === undefined ? this.listByCursor(request) : this.listByPage(request, request.page);
  }

  private async listByPage(request: ListUsersRequest, page: number): Promise<Page<User, OffsetPagination>> {
    const { rows, total } = await this.users.listPage(request, (page - 1) * request.limit);
    return {
      items: rows,
      pagination: { page, limit: request.limit, total, totalPages: Math.ceil(total / request.limit) },
    };
  }

  private async listByCursor(request: ListUsersRequest): Promise<Page<User, CursorPagination>> {
    const fingerprint = queryFingerprint(request);
    const after = request.cursor === undefined ? undefined : this.readCursor(request.cursor, fingerprint);
    // One extra row tells whether another page exists without a COUNT.
    const rows = await this.users.listAfter({ ...request, limit: request.limit + 1 }, after);
    const items = rows.slice(0, request.limit);
    const last = items.at(-1);
    const hasMore = rows.length > request.limit && last !== undefined;
    const nextCursor = hasMore
      ? this.cursors.encode({ fingerprint, position: [...request.sort.map((s) => last[s.key]), last.id] })
      : null;
    return { items, pagination: { limit: request.limit, hasMore, nextCursor } };
  }

  private readCursor(token: string, fingerprint: string): string[] {
    const payload = this.cursors.decode(token);
    if (payload === null) {
      throw new ValidationError('Invalid cursor', [{ field: 'cursor', message: 'is malformed or was tampered with' }]);
    }
    if (payload.fingerprint !== fingerprint) {
      throw new ValidationError('Invalid cursor', [
        { field: 'cursor', message: 'was issued for a different sort or filter; start again without a cursor' },
      ]);
    }
    return payload.position;
  }
}

/** Identifies what a cursor's position is relative to: the order and the filtered set. */
function queryFingerprint({ sort, filters }: UserListQuery): string {
  return JSON.stringify([
    sort.map((s) => `${s.direction === 'desc' ? '-' : ''}${s.key}`),
    filters.status ?? null,
    filters.role ?? null,
    filters.search ?? null,
  ]);
}
