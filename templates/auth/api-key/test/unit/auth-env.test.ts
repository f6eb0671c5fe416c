import { describe, expect, it } from 'vitest';
import { envSchema, loadEnv, PRODUCTION_SECRETS } from '../../src/config/env.js';
import { envIssues, productionEnv } from '../helpers/env.js';


describe('auth configuration (--auth api-key)', () => {
  it('has the documented defaults', () => {
    expect(loadEnv({})).toMatchObject({ ADMIN_NAME: 'Admin', RATE_LIMIT_MAX: 100, RATE_LIMIT_WINDOW: 60 });
    expect(loadEnv({}).ADMIN_EMAIL).toBeUndefined();
    expect(loadEnv({ ADMIN_EMAIL: '', ADMIN_NAME: '  ' })).toMatchObject({ ADMIN_EMAIL: undefined, ADMIN_NAME: 'Admin' });
    expect(loadEnv({ ADMIN_EMAIL: ' Boss@Example.COM ', ADMIN_NAME: ' Boss ' })).toMatchObject({ ADMIN_EMAIL: 'boss@example.com', ADMIN_NAME: 'Boss' });
  });

  it('refuses a malformed admin email or an over-long name, naming the variable', () => {
    expect(envIssues({ ADMIN_EMAIL: 'not-an-email' }).map((i) => i.variable)).toEqual(['ADMIN_EMAIL']);
    expect(envIssues({ ADMIN_NAME: 'x'.repeat(101) }).map((i) => i.variable)).toEqual(['ADMIN_NAME']);
  });

  it('declares no password, token or login setting: keys are the only credentials', () => {
    const names = Object.keys(envSchema.shape);
    expect(names.filter((name) => /PASSWORD|JWT|SESSION|LOGIN|RESET|AUTH_RATE/.test(name))).toEqual([]);
    expect(loadEnv({ ADMIN_PASSWORD: 'ignored-in-this-mode' })).not.toHaveProperty('ADMIN_PASSWORD');
  });

  it('needs no secret of its own in production: keys are random, stored as SHA-256, with no pepper', () => {
    expect(PRODUCTION_SECRETS).toEqual(['CURSOR_SECRET']);
    expect(envIssues(productionEnv())).toEqual([]);
  });
});
