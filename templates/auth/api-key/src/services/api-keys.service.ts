import type { AuditLog, AuditOrigin } from '../lib/audit.js';
import { generateApiKey, hashApiKey, isWellFormedApiKey } from '../lib/auth/api-keys.js';
import type { ApiKey, ApiKeyCaller, ApiKeyKeyset, ApiKeysRepository, CreatedApiKey } from '../types/api-key.js';
import type { Clock } from '../types/auth.js';
import type { CursorPagination, Page } from '../types/pagination.js';
import type { CursorCodec } from '../utils/cursor.js';
import { NotFoundError, ValidationError } from '../utils/errors.js';

/**
 * API keys (--auth api-key): issuing, listing, revoking, and recognising them on requests. Knows
 * nothing of HTTP or SQL: the repository, the cursor codec and the clock come through the constructor.
 */

/** last_used_at is a hint for people ("is this key still in use?"), so minute precision is plenty. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssueApiKeyRequest {
  name: string;
  /** The owner: the key acts as this user, with its role at the time of each request. */
  userId: string;
  /** ISO-8601 with an offset; absent for a key that lives until it is revoked. */
  expiresAt?: string | undefined;
}

export interface ListApiKeysRequest {
  limit: number;
  cursor?: string | undefined;
  userId?: string | undefined;
}

export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly cursors: CursorCodec,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** The caller behind a presented key, or null: malformed, unknown, revoked, expired, owner not active. */
  async authenticate(key: string): Promise<ApiKeyCaller | null> {
    // Malformed input never reaches the database.
    if (!isWellFormedApiKey(key)) return null;
    const now = new Date(this.clock.now());
    const caller = await this.keys.findCaller(hashApiKey(key), now);
    if (caller === null) return null;
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    if (caller.lastUsedAt === null || caller.lastUsedAt < staleBefore) await this.keys.touch(caller.keyId, now, staleBefore);
    return caller;
  }

  /**
   * The returned `key` exists nowhere else: only its hash is stored. `actor`: who issues it; the audit
   * trail names the key by id and display prefix, never by the key.
   */
  async issue(request: IssueApiKeyRequest, actor: string, origin: AuditOrigin): Promise<CreatedApiKey> {
    const now = new Date(this.clock.now());
    const expiresAt = request.expiresAt === undefined ? null : new Date(request.expiresAt);
    if (expiresAt !== null && expiresAt.getTime() <= now.getTime()) {
      throw new ValidationError('Invalid body field: expiresAt', [{ field: 'expiresAt', message: 'must be in the future' }]);
    }
    const { key, prefix, keyHash } = generateApiKey();
    const stored = await this.keys.create({ userId: request.userId, name: request.name, prefix, keyHash, createdAt: now, expiresAt });
    const { id, name, userId, createdAt } = stored;
    this.audit.record(origin, { event: 'auth.api_key.created', actor, target: userId, outcome: 'success', details: { keyId: id, prefix } });
    return { id, name, prefix, userId, createdAt, expiresAt: stored.expiresAt, key };
  }

  async list(request: ListApiKeysRequest): Promise<Page<ApiKey, CursorPagination>> {
    const fingerprint = JSON.stringify(['api-keys', request.userId ?? null]);
    const after = request.cursor === undefined ? undefined : this.readCursor(request.cursor, fingerprint);
    // One extra row tells whether another page exists without a COUNT.
    const rows = await this.keys.listAfter({ limit: request.limit + 1, userId: request.userId }, after);
    const items = rows.slice(0, request.limit);
    const last = items.at(-1);
    const hasMore = rows.length > request.limit && last !== undefined;
    const nextCursor = hasMore ? this.cursors.encode({ fingerprint, position: [last.createdAt, last.id] }) : null;
    return { items, pagination: { limit: request.limit, hasMore, nextCursor } };
  }

  /** Takes effect at the next request that presents the key: every request looks the key up. */
  async revoke(id: string, actor: string, origin: AuditOrigin): Promise<void> {
    if (!(await this.keys.revoke(id, new Date(this.clock.now())))) throw new NotFoundError('API key');
    this.audit.record(origin, { event: 'auth.api_key.revoked', actor, target: null, outcome: 'success', details: { keyId: id } });
  }

  private readCursor(token: string, fingerprint: string): ApiKeyKeyset {
    const payload = this.cursors.decode(token);
    const [createdAt, id, ...rest] = payload?.position ?? [];
    if (payload === null || createdAt === undefined || id === undefined || rest.length > 0) {
      throw new ValidationError('Invalid cursor', [{ field: 'cursor', message: 'is malformed or was tampered with' }]);
    }
    if (payload.fingerprint !== fingerprint) {
      throw new ValidationError('Invalid cursor', [
        { field: 'cursor', message: 'was issued for a different list or filter; start again without a cursor' },
      ]);
    }
    return [createdAt, id];
  }
}
