import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { envIssues, productionEnv } from '../helpers/env.js';

const TOKEN = 'a-metrics-token-of-at-least-32-chars';

describe('METRICS_TOKEN and METRICS_PORT', () => {
  it('leave /metrics open on the main port in development', () => {
    const env = loadEnv({ METRICS_TOKEN: '', METRICS_PORT: '' });
    expect(env.METRICS_TOKEN).toBeUndefined();
    expect(env.METRICS_PORT).toBeUndefined();
    expect(loadEnv({ METRICS_PORT: '9100', METRICS_TOKEN: TOKEN })).toMatchObject({ METRICS_PORT: 9100, METRICS_TOKEN: TOKEN });
  });

  it('in production, one of them is required', () => {
    const { METRICS_TOKEN: _token, ...withoutToken } = productionEnv();
    expect(envIssues(withoutToken)).toEqual([{ variable: 'METRICS_TOKEN', message: expect.stringContaining('METRICS_PORT') }]);
    expect(envIssues({ ...withoutToken, METRICS_TOKEN: '', METRICS_PORT: '' }).map((issue) => issue.variable)).toEqual(['METRICS_TOKEN']);
    expect(envIssues({ ...withoutToken, METRICS_PORT: '9100' })).toEqual([]);
    expect(envIssues({ ...withoutToken, METRICS_TOKEN: TOKEN })).toEqual([]);
  });

  it('refuse a short or spaced token, a port out of range, and the main port', () => {
    for (const METRICS_TOKEN of ['short', `${TOKEN} with spaces`]) {
      expect(envIssues({ METRICS_TOKEN }).map((issue) => issue.variable)).toEqual(['METRICS_TOKEN']);
    }
    for (const METRICS_PORT of ['0', '65536', 'abc', '-1']) {
      expect(envIssues({ METRICS_PORT }).map((issue) => issue.variable)).toEqual(['METRICS_PORT']);
    }
    expect(envIssues({ PORT: '9100', METRICS_PORT: '9100' })).toEqual([{ variable: 'METRICS_PORT', message: expect.stringContaining('PORT') }]);
  });
});
