import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../../src/config/env.js';
import { productionEnv } from '../helpers/env.js';

function issues(source: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  return [];
}

describe('auth configuration', () => {
  it('has the documented defaults', () => {
    expect(loadEnv({})).toMatchObject({
      JWT_ACCESS_TTL: 900,
      LOGIN_MAX_ATTEMPTS: 5,
      LOGIN_LOCKOUT_MINUTES: 15,
      RATE_LIMIT_MAX: 100,
      RATE_LIMIT_WINDOW: 60,
      AUTH_RATE_LIMIT_MAX: 10,
    });
    expect(loadEnv({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' })).toMatchObject({ ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
    expect(loadEnv({ ADMIN_EMAIL: ' Boss@Example.COM ' }).ADMIN_EMAIL).toBe('boss@example.com');
  });

  describe('production refuses JWT_SECRET, naming it, when it is', () => {
    it('missing (left at the development default)', () => {
      const { JWT_SECRET: _omitted, ...rest } = productionEnv();
      expect(issues(rest)).toEqual([{ variable: 'JWT_SECRET', message: expect.stringContaining('32 bytes') }]);
      expect(issues({ ...productionEnv(), JWT_SECRET: loadEnv({}).JWT_SECRET }).map((i) => i.variable)).toEqual(['JWT_SECRET']);
    });

    it('the example value from .env.example', () => {
      const example = 'replace-with-at-least-32-random-characters';
      expect(issues({ ...productionEnv(), JWT_SECRET: example }).map((i) => i.variable)).toEqual(['JWT_SECRET']);
    });

    it('shorter than 32 bytes', () => {
      const short = issues({ ...productionEnv(), JWT_SECRET: 'x'.repeat(31) });
      expect(short).toEqual([{ variable: 'JWT_SECRET', message: 'must be at least 32 bytes' }]);
      expect(issues({ ...productionEnv(), JWT_SECRET: 'x'.repeat(32) })).toEqual([]);
    });

    it('and the start-up error message names the variable', () => {
      const { JWT_SECRET: _omitted, ...rest } = productionEnv();
      expect(() => loadEnv(rest)).toThrow(/JWT_SECRET: /);
    });
  });

  it('refuses a reset link lifetime over an hour and a non-http reset URL', () => {
    expect(issues({ PASSWORD_RESET_TTL_MINUTES: '61' }).map((i) => i.variable)).toEqual(['PASSWORD_RESET_TTL_MINUTES']);
    expect(issues({ PASSWORD_RESET_URL: 'javascript:alert(1)' }).map((i) => i.variable)).toEqual(['PASSWORD_RESET_URL']);
    expect(issues({ ADMIN_PASSWORD: 'short' }).map((i) => i.variable)).toEqual(['ADMIN_PASSWORD']);
  });
});
