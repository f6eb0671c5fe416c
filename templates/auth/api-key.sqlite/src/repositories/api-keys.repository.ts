import { and, desc, eq, gt, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { apiKeys, type ApiKeyRow } from '../db/api-key-schema.js';
import { users } from '../db/schema.js';
import type { Db } from '../lib/database.js';
import type { ApiKey, ApiKeyCaller, ApiKeyKeyset, ApiKeyListQuery, ApiKeysRepository, NewApiKey } from '../types/api-key.js';
import { ValidationError } from '../utils/errors.js';
import { keysetAfter, type KeysetColumn } from './keyset.js';
import { SecretSafeQueryError, withSecretParams } from './secret-safe.js';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** The public view of a row: no key hash, ever. */
function toApiKey(row: Omit<ApiKeyRow, 'keyHash'>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userId: row.userId,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
  };
}

// The public columns, so no query of this repository reads key_hash back out of the database.
const publicColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  userId: apiKeys.userId,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
};

// Newest first; id breaks ties in the same direction, so the (created_at, id) indexes serve it.
const LIST_ORDER: KeysetColumn[] = [
  { column: apiKeys.createdAt, direction: 'desc' },
  { column: apiKeys.id, direction: 'desc' },
];

/** Every query whose parameters include a key hash goes through withSecretParams: errors never quote it. */
export class DrizzleApiKeysRepository implements ApiKeysRepository {
  constructor(private readonly db: Db) {}

  async create(key: NewApiKey): Promise<ApiKey> {
    try {
      const row = await withSecretParams(async () => this.db.insert(apiKeys).values(key).returning(publicColumns).get());
      return toApiKey(row);
    } catch (error) {
      // The owner does not exist (or was deleted a moment ago): foreign keys are on for every connection.
      if (error instanceof SecretSafeQueryError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new ValidationError('Invalid body field: userId', [{ field: 'userId', message: 'is not an existing user' }]);
      }
      throw error;
    }
  }

  async findCaller(keyHash: string, now: Date): Promise<ApiKeyCaller | null> {
    const row = await withSecretParams(async () =>
      this.db
        .select({ keyId: apiKeys.id, userId: users.id, role: users.role, lastUsedAt: apiKeys.lastUsedAt })
        .from(apiKeys)
        .innerJoin(users, eq(users.id, apiKeys.userId))
        .where(
          and(
            eq(apiKeys.keyHash, keyHash),
            isNull(apiKeys.revokedAt),
            or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
            eq(users.status, 'active'),
          ),
        )
        .get(),
    );
    return row ?? null;
  }

  async touch(id: string, now: Date, staleBefore: Date): Promise<void> {
    await withSecretParams(async () =>
      this.db
        .update(apiKeys)
        .set({ lastUsedAt: now })
        .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))))
        .run(),
    );
  }

  async listAfter(query: ApiKeyListQuery, after: ApiKeyKeyset | undefined): Promise<ApiKey[]> {
    const conditions: (SQL | undefined)[] = [];
    if (query.userId !== undefined) conditions.push(eq(apiKeys.userId, query.userId));
    if (after !== undefined) conditions.push(keysetAfter(LIST_ORDER, [new Date(after[0]), after[1]]));
    const rows = await withSecretParams(async () =>
      this.db
        .select(publicColumns)
        .from(apiKeys)
        .where(and(...conditions))
        .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
        .limit(query.limit)
        .all(),
    );
    return rows.map(toApiKey);
  }

  async revoke(id: string, now: Date): Promise<boolean> {
    const rows = await withSecretParams(async () =>
      this.db
        .update(apiKeys)
        .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${sql.param(now, apiKeys.revokedAt)})` })
        .where(eq(apiKeys.id, id))
        .returning({ id: apiKeys.id })
        .all(),
    );
    return rows.length > 0;
  }
}
