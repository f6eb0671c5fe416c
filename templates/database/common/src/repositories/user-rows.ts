import type { User, UserKeyset, UserListQuery, UserSortKey } from '../types/user.js';
import { ConflictError } from '../utils/errors.js';

/**
 * What every database's users repository (src/repositories/users.repository.ts) shares: the row → API
 * mapping, the conflict a taken email raises, LIKE escaping and the keyset values of a cursor.
 */

const TIMESTAMP_KEYS: ReadonlySet<UserSortKey> = new Set(['createdAt', 'updatedAt']);

/** A users row as Drizzle reads it on any database: timestamps are Dates. */
export type StoredUser = Omit<User, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

export function toUser(row: StoredUser): User {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export function emailTaken(): ConflictError {
  return new ConflictError('A user with this email already exists', [{ field: 'email', message: 'is already in use' }]);
}

/** LIKE treats % and _ as wildcards; a search for "50%" must match those characters literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** A cursor's position as column values: timestamps back to Dates, the rest as they are. */
export function keysetValues(query: UserListQuery, position: UserKeyset): unknown[] {
  // The service only hands over positions from cursors signed for this very sort, so a mismatch is a bug.
  if (position.length !== query.sort.length + 1) throw new Error('keyset position does not match the sort');
  return position.map((value, i) => {
    const key = query.sort[i]?.key;
    return key !== undefined && TIMESTAMP_KEYS.has(key) ? new Date(value) : value;
  });
}
