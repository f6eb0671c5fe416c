import type { UserRole } from './user.js';

/** The API-key domain: its values, its shape, and the port its repository implements. */

/** What a key looks like to people: never the key itself, never its hash. ISO-8601 timestamps. */
export interface ApiKey {
  readonly id: string;
  readonly name: string;
  /** The first characters of the key ("sbk_" + 8), to tell keys apart. */
  readonly prefix: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

/** The answer to POST /api-keys: the only place the key ever appears. */
export interface CreatedApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly key: string;
}

export interface NewApiKey {
  userId: string;
  name: string;
  prefix: string;
  keyHash: string;
  createdAt: Date;
  expiresAt: Date | null;
}

/** Whom a live key speaks for, with the owner's role as it is now. */
export interface ApiKeyCaller {
  readonly keyId: string;
  readonly userId: string;
  readonly role: UserRole;
  readonly lastUsedAt: Date | null;
}

/** Position in the list order (newest first): created_at as ISO-8601, then id. */
export type ApiKeyKeyset = [createdAt: string, id: string];

export interface ApiKeyListQuery {
  limit: number;
  userId?: string | undefined;
}

export interface ApiKeysRepository {
  /** Throws ValidationError (field userId) when the owner does not exist, detected by the foreign key. */
  create(key: NewApiKey): Promise<ApiKey>;
  /**
   * The caller of the live key with this hash: not revoked, not expired at `now`, owner active. One
   * indexed query; null for anything else.
   */
  findCaller(keyHash: string, now: Date): Promise<ApiKeyCaller | null>;
  /** Sets last_used_at to `now` unless it is already later than `staleBefore` (another request did it). */
  touch(id: string, now: Date, staleBefore: Date): Promise<void>;
  /** Up to `limit` keys strictly after `after`, newest first. */
  listAfter(query: ApiKeyListQuery, after: ApiKeyKeyset | undefined): Promise<ApiKey[]>;
  /** Marks the key revoked (an already revoked key keeps its first revocation time); false if unknown. */
  revoke(id: string, now: Date): Promise<boolean>;
}
