import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../../src/config/env.js';
import { sessionCookieOptions } from '../../src/lib/auth/session-cookie.js';
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
      SESSION_TTL: 604800,
      SESSION_IDLE_TIMEOUT: 0,
      SESSION_COOKIE_NAME: 'sid',
      SESSION_COOKIE_SECURE: true,
      LOGIN_MAX_ATTEMPTS: 5,
      LOGIN_LOCKOUT_MINUTES: 15,
      RATE_LIMIT_MAX: 100,
      RATE_LIMIT_WINDOW: 60,
      AUTH_RATE_LIMIT_MAX: 10,
    });
    expect(loadEnv({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' })).toMatchObject({ ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
    expect(loadEnv({ ADMIN_EMAIL: ' Boss@Example.COM ' }).ADMIN_EMAIL).toBe('boss@example.com');
  });

  describe('production refuses SESSION_SECRET, naming it, when it is', () => {
    it('missing (left at the development default)', () => {
      const { SESSION_SECRET: _omitted, ...rest } = productionEnv();
      expect(issues(rest)).toEqual([{ variable: 'SESSION_SECRET', message: expect.stringContaining('32 bytes') }]);
      expect(issues({ ...productionEnv(), SESSION_SECRET: loadEnv({}).SESSION_SECRET }).map((i) => i.variable)).toEqual(['SESSION_SECRET']);
    });

    it('the example value from .env.example', () => {
      const example = 'replace-with-at-least-32-random-characters';
      expect(issues({ ...productionEnv(), SESSION_SECRET: example }).map((i) => i.variable)).toEqual(['SESSION_SECRET']);
    });

    it('shorter than 32 bytes', () => {
      const short = issues({ ...productionEnv(), SESSION_SECRET: 'x'.repeat(31) });
      expect(short).toEqual([{ variable: 'SESSION_SECRET', message: 'must be at least 32 bytes' }]);
      expect(issues({ ...productionEnv(), SESSION_SECRET: 'x'.repeat(32) })).toEqual([]);
    });

    it('and the start-up error message names the variable', () => {
      const { SESSION_SECRET: _omitted, ...rest } = productionEnv();
      expect(() => loadEnv(rest)).toThrow(/SESSION_SECRET: /);
    });
  });

  it('production refuses a session cookie without Secure, naming the variable; development may relax it', () => {
    const production = loadEnv({ ...productionEnv(), SESSION_COOKIE_SECURE: 'false' });
    expect(() => sessionCookieOptions(production)).toThrow(ConfigError);
    expect(() => sessionCookieOptions(production)).toThrow(/SESSION_COOKIE_SECURE: must be true in production/);
    expect(sessionCookieOptions(loadEnv(productionEnv())).secure).toBe(true);
    const development = loadEnv({ NODE_ENV: 'development', SESSION_COOKIE_SECURE: 'false' });
    expect(sessionCookieOptions(development).secure).toBe(false);
  });

  it('refuses a cookie name that is not an RFC 6265 token, and a session shorter than 5 minutes', () => {
    for (const name of ['', 'sid;', 'a b', 'sé', 'x'.repeat(65)]) {
      expect(issues({ SESSION_COOKIE_NAME: name }).map((i) => i.variable), name).toEqual(['SESSION_COOKIE_NAME']);
    }
    expect(loadEnv({ SESSION_COOKIE_NAME: '__Host-sid' }).SESSION_COOKIE_NAME).toBe('__Host-sid');
    expect(issues({ SESSION_TTL: '299' }).map((i) => i.variable)).toEqual(['SESSION_TTL']);
  });

  it('refuses a reset link lifetime over an hour and a non-http reset URL', () => {
    expect(issues({ PASSWORD_RESET_TTL_MINUTES: '61' }).map((i) => i.variable)).toEqual(['PASSWORD_RESET_TTL_MINUTES']);
    expect(issues({ PASSWORD_RESET_URL: 'javascript:alert(1)' }).map((i) => i.variable)).toEqual(['PASSWORD_RESET_URL']);
    expect(issues({ ADMIN_PASSWORD: 'short' }).map((i) => i.variable)).toEqual(['ADMIN_PASSWORD']);
  });
});
