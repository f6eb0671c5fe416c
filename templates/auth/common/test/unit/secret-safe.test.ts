import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/repositories/pg-errors.js';
import { SecretSafeQueryError, withSecretParams } from '../../src/repositories/secret-safe.js';
import { ServiceUnavailableError } from '../../src/utils/errors.js';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

/** The shape Drizzle gives a failed query: its message lists the parameters; the driver error is the cause. */
function drizzleError(driver: Record<string, unknown>): Error {
  return new Error(`Failed query: update "users" set "password_hash" = $1\nparams: ${HASH}`, {
    cause: Object.assign(new Error(String(driver.message)), driver),
  });
}

describe('withSecretParams', () => {
  it('re-throws a failed query without its parameters or the key detail', async () => {
    const failure = drizzleError({
      code: '23505',
      constraint: 'refresh_tokens_token_hash_unique',
      message: 'duplicate key value violates unique constraint "refresh_tokens_token_hash_unique"',
      detail: `Key (token_hash)=(${'ab'.repeat(32)}) already exists.`,
    });
    const error = await withSecretParams(() => Promise.reject(failure)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretSafeQueryError);
    const text = JSON.stringify(error, Object.getOwnPropertyNames(error));
    expect(text).not.toContain(HASH);
    expect(text).not.toContain('ab'.repeat(32));
    expect(text).toContain('duplicate key value');
    expect(isUniqueViolation(error, 'refresh_tokens_token_hash_unique')).toBe(true);
  });

  it('still reports an unreachable database as 503', async () => {
    const down = drizzleError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' });
    await expect(withSecretParams(() => Promise.reject(down))).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  it('passes results through', async () => {
    expect(await withSecretParams(async () => 42)).toBe(42);
  });
});
