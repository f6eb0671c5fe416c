import type { SortSpec } from './pagination.js';

/** The users domain: its values, its shape, and the port its repository implements. */

export const USER_ROLES = ['user', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_STATUSES = ['active', 'suspended'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Timestamps are ISO-8601 strings so a User survives JSON (HTTP, cursors, an out-of-process cache). */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly status: UserStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a client may sort on; each maps to an indexed column in the repository. */
export const USER_SORT_KEYS = ['createdAt', 'updatedAt', 'name', 'email'] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];

/** What a client may ask for with `?fields=`. */
export const USER_FIELDS = ['id', 'email', 'name', 'role', 'status', 'createdAt', 'updatedAt'] as const;
export type UserField = (typeof USER_FIELDS)[number];

export interface NewUser {
  email: string;
  name: string;
  role?: UserRole | undefined;
}

export interface UserChanges {
  email?: string | undefined;
  name?: string | undefined;
  role?: UserRole | undefined;
  status?: UserStatus | undefined;
}

export interface UserFilters {
  status?: UserStatus | undefined;
  role?: UserRole | undefined;
  /** Case-insensitive substring of name or email, matched literally (no wildcards). */
  search?: string | undefined;
}

export interface UserListQuery {
  filters: UserFilters;
  /** Sort keys as requested; the repository always appends `id` as the final tie-breaker. */
  sort: SortSpec<UserSortKey>[];
  limit: number;
}

/**
 * Keyset position: the values of the sort keys of the last row seen, in sort order, then its id.
 * Strings because they travel inside an opaque cursor.
 */
export type UserKeyset = string[];

export interface UsersRepository {
  /** Throws ConflictError when the email is taken (detected from the unique index, so race-safe). */
  create(user: NewUser): Promise<User>;
  findById(id: string): Promise<User | null>;
  /** Returns null when no such user; throws ConflictError on a duplicate email. */
  update(id: string, changes: UserChanges): Promise<User | null>;
  delete(id: string): Promise<boolean>;
  /** Up to `limit` rows strictly after `after` in the query's order (first rows when undefined). */
  listAfter(query: UserListQuery, after: UserKeyset | undefined): Promise<User[]>;
  listPage(query: UserListQuery, offset: number): Promise<{ rows: User[]; total: number }>;
}
