import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { envIssues } from '../helpers/env.js';


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

  it('refuses a reset link lifetime over an hour and a non-http reset URL', () => {
    expect(envIssues({ PASSWORD_RESET_TTL_MINUTES: '61' }).map((i) => i.variable)).toEqual(['PASSWORD_RESET_TTL_MINUTES']);
    expect(envIssues({ PASSWORD_RESET_URL: 'javascript:alert(1)' }).map((i) => i.variable)).toEqual(['PASSWORD_RESET_URL']);
    expect(envIssues({ ADMIN_PASSWORD: 'short' }).map((i) => i.variable)).toEqual(['ADMIN_PASSWORD']);
  });
});
