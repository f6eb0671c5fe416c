import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../../src/config/env.js';
import { sessionCookieOptions } from '../../src/lib/auth/session-cookie.js';
import { envIssues, productionEnv } from '../helpers/env.js';


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
      expect(envIssues({ SESSION_COOKIE_NAME: name }).map((i) => i.variable), name).toEqual(['SESSION_COOKIE_NAME']);
    }
    expect(loadEnv({ SESSION_COOKIE_NAME: '__Host-sid' }).SESSION_COOKIE_NAME).toBe('__Host-sid');
    expect(envIssues({ SESSION_TTL: '299' }).map((i) => i.variable)).toEqual(['SESSION_TTL']);
  });

  it('refuses a reset link lifetime over an hour and a non-http reset URL', () => {
    expect(envIssues({ PASSWORD_RESET_TTL_MINUTES: '61' }).map((i) => i.variable)).toEqual(['PASSWORD_RESET_TTL_MINUTES']);
    expect(envIssues({ PASSWORD_RESET_URL: 'javascript:alert(1)' }).map((i) => i.variable)).toEqual(['PASSWORD_RESET_URL']);
    expect(envIssues({ ADMIN_PASSWORD: 'short' }).map((i) => i.variable)).toEqual(['ADMIN_PASSWORD']);
  });
});
