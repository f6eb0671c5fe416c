import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../src/lib/audit.js';
import { credentialInQuery, generateApiKey, hashApiKey, isWellFormedApiKey, redactUrl } from '../../src/lib/auth/api-keys.js';
import { ApiKeysService, LAST_USED_RESOLUTION_MS } from '../../src/services/api-keys.service.js';
import type { ApiKey, ApiKeyCaller, ApiKeysRepository } from '../../src/types/api-key.js';
import { createCursorCodec } from '../../src/utils/cursor.js';
import { captureLogs } from '../helpers/log-capture.js';
import { FakeClock } from '../helpers/clock.js';

describe('API key format', () => {
  it('is sbk_ + 43 base64url characters (256 random bits), shown by its first 12 characters, stored as hex SHA-256', () => {
    const keys = Array.from({ length: 50 }, generateApiKey);
    for (const { key, prefix, keyHash } of keys) {
      expect(key).toMatch(/^sbk_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(key.slice(4), 'base64url')).toHaveLength(32);
      expect(prefix).toBe(key.slice(0, 12));
      expect(keyHash).toBe(createHash('sha256').update(key).digest('hex'));
      expect(hashApiKey(key)).toBe(keyHash);
      expect(isWellFormedApiKey(key)).toBe(true);
    }
    expect(new Set(keys.map((k) => k.key)).size).toBe(50);
  });

  it.each(['', 'sbk_', 'sbk_short', 'SBK_' + 'a'.repeat(43), 'sbk_' + 'a'.repeat(42), 'sbk_' + 'a'.repeat(44), 'sbk_' + 'a'.repeat(42) + '='])(
    'rejects %j as malformed',
    (value) => expect(isWellFormedApiKey(value)).toBe(false),
  );
});

describe('keys in URLs', () => {
  const key = generateApiKey().key;

  it('finds credential parameters by name (any case) and keys pasted into any parameter', () => {
    expect(credentialInQuery({ api_key: 'x' })).toBe('api_key');
    expect(credentialInQuery({ limit: '1', Access_Token: 'x' })).toBe('Access_Token');
    expect(credentialInQuery({ search: ['a', `see ${key}`] })).toBe('search');
    expect(credentialInQuery({ search: 'sbk_', limit: '20' })).toBeNull();
    expect(credentialInQuery(undefined)).toBeNull();
  });

  it.each([
    [`/api/v1/users/me?api_key=${key}`, '/api/v1/users/me?[REDACTED]'],
    [`/api/v1/users?limit=2&key=whatever`, '/api/v1/users?[REDACTED]'],
    [`/x?q=${encodeURIComponent(key)}`, '/x?[REDACTED]'],
    [`/x?api%5Fkey=1`, '/x?[REDACTED]'],
    [`/api/v1/users/${key}/x`, '/api/v1/users/[REDACTED]/x'],
    [`/api/v1/users/sbk%5F123`, '/api/v1/users/[REDACTED]'],
    ['/api/v1/users?limit=2&sort=-name', '/api/v1/users?limit=2&sort=-name'],
    ['/health/live', '/health/live'],
  ])('redacts %s as %s in logs', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

class FakeApiKeys implements ApiKeysRepository {
  lookups = 0;
  touches: Date[] = [];
  constructor(private caller: ApiKeyCaller | null) {}
  async create(): Promise<ApiKey> {
    throw new Error('not used');
  }
  async findCaller(): Promise<ApiKeyCaller | null> {
    this.lookups += 1;
    return this.caller;
  }
  async touch(_id: string, now: Date): Promise<void> {
    this.touches.push(now);
    if (this.caller) this.caller = { ...this.caller, lastUsedAt: now };
  }
  async listAfter(): Promise<ApiKey[]> {
    return [];
  }
  async revoke(): Promise<boolean> {
    return false;
  }
}

describe('ApiKeysService.authenticate', () => {
  const caller: ApiKeyCaller = { keyId: 'k', userId: 'u', role: 'user', lastUsedAt: null };
  const service = (repo: ApiKeysRepository, clock = new FakeClock()) =>
    new ApiKeysService(repo, createCursorCodec('x'.repeat(32)), clock, createAuditLog(captureLogs().logger));

  it('never queries for a malformed key', async () => {
    const repo = new FakeApiKeys(caller);
    for (const key of ['', 'Bearer', 'sbk_nope', `${generateApiKey().key}x`]) expect(await service(repo).authenticate(key)).toBeNull();
    expect(repo.lookups).toBe(0);
  });

  it('returns the caller and records last use at most once per resolution', async () => {
    const clock = new FakeClock();
    const repo = new FakeApiKeys(caller);
    const keys = service(repo, clock);
    const key = generateApiKey().key;
    expect(await keys.authenticate(key)).toMatchObject({ userId: 'u', role: 'user' });
    clock.advance(LAST_USED_RESOLUTION_MS - 1);
    await keys.authenticate(key);
    expect(repo.touches).toHaveLength(1);
    clock.advance(2);
    await keys.authenticate(key);
    expect(repo.touches.map((d) => d.getTime())).toEqual([clock.now() - LAST_USED_RESOLUTION_MS - 1, clock.now()]);
  });

  const origin = { requestId: 'test', ip: '127.0.0.1' };

  it('refuses an expiry that is not in the future before storing anything', async () => {
    const clock = new FakeClock();
    const keys = service(new FakeApiKeys(null), clock);
    await expect(keys.issue({ name: 'x', userId: 'u', expiresAt: new Date(clock.now()).toISOString() }, 'u', origin)).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'expiresAt', message: 'must be in the future' }],
    });
  });
});
