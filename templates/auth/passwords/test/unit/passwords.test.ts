import { describe, expect, it } from 'vitest';
import argon2 from 'argon2';
import { Argon2PasswordHasher } from '../../src/lib/auth/passwords.js';
import { hashSecretToken, newSecretToken, SECRET_TOKEN_BYTES } from '../../src/lib/auth/secret-tokens.js';

const hasher = new Argon2PasswordHasher();

describe('Argon2PasswordHasher', () => {
  it('hashes with Argon2id and a fresh salt, and verifies', async () => {
    const a = await hasher.hash('s3cret-password');
    const b = await hasher.hash('s3cret-password');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('s3cret-password');
    expect(await hasher.verify(a, 's3cret-password')).toBe(true);
    expect(await hasher.verify(a, 'S3cret-password')).toBe(false);
  });

  it('treats a malformed hash as a mismatch instead of throwing', async () => {
    expect(await hasher.verify('not-a-hash', 'whatever')).toBe(false);
    await expect(hasher.verifyDummy('whatever')).resolves.toBeUndefined();
  });

  it('asks for a rehash of hashes made with weaker parameters', async () => {
    const weak = await argon2.hash('pw-12345678', { type: argon2.argon2id, memoryCost: 8192, timeCost: 1, parallelism: 1 });
    expect(hasher.needsRehash(weak)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('pw-12345678'))).toBe(false);
  });
});

describe('secret tokens', () => {
  it('carry at least 256 random bits and are stored as their SHA-256', () => {
    const token = newSecretToken();
    expect(SECRET_TOKEN_BYTES * 8).toBeGreaterThanOrEqual(256);
    expect(Buffer.from(token, 'base64url')).toHaveLength(SECRET_TOKEN_BYTES);
    expect(newSecretToken()).not.toBe(token);
    expect(hashSecretToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecretToken(token)).toBe(hashSecretToken(token));
  });
});
