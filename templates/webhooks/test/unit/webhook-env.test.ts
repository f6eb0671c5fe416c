import { describe, expect, it } from 'vitest';
import { loadEnv, PRODUCTION_SECRETS } from '../../src/config/env.js';
import { envIssues, productionEnv } from '../helpers/env.js';

// The generic production rules for secrets are tested for every secret in test/unit/env.test.ts.
describe('webhook settings', () => {
  it('default to a 30 s timeout and the SSRF guard on', () => {
    expect(loadEnv({})).toMatchObject({ WEBHOOK_TIMEOUT_MS: 30000, WEBHOOK_ALLOW_PRIVATE_URLS: false });
    expect(loadEnv({ WEBHOOK_TIMEOUT_MS: '250', WEBHOOK_ALLOW_PRIVATE_URLS: 'true' })).toMatchObject({
      WEBHOOK_TIMEOUT_MS: 250,
      WEBHOOK_ALLOW_PRIVATE_URLS: true,
    });
  });

  it('refuse a timeout out of range and a flag that is not a boolean', () => {
    expect(envIssues({ WEBHOOK_TIMEOUT_MS: '0' }).map((issue) => issue.variable)).toEqual(['WEBHOOK_TIMEOUT_MS']);
    expect(envIssues({ WEBHOOK_TIMEOUT_MS: '600000' }).map((issue) => issue.variable)).toEqual(['WEBHOOK_TIMEOUT_MS']);
    expect(envIssues({ WEBHOOK_ALLOW_PRIVATE_URLS: 'sometimes' }).map((issue) => issue.variable)).toEqual(['WEBHOOK_ALLOW_PRIVATE_URLS']);
  });

  it('WEBHOOK_SECRET_KEY is a production secret: production refuses to start without a real one', () => {
    expect(PRODUCTION_SECRETS).toContain('WEBHOOK_SECRET_KEY');
    const { WEBHOOK_SECRET_KEY: _omitted, ...withoutKey } = productionEnv();
    expect(envIssues(withoutKey).map((issue) => issue.variable)).toEqual(['WEBHOOK_SECRET_KEY']);
    expect(envIssues({ ...productionEnv(), WEBHOOK_SECRET_KEY: 'too-short' }).map((issue) => issue.variable)).toEqual(['WEBHOOK_SECRET_KEY']);
    expect(envIssues(productionEnv())).toEqual([]);
  });
});
