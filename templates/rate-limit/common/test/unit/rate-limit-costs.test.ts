import { describe, expect, it } from 'vitest';
import { MemoryCounters } from '../../src/lib/rate-limit/cost-store.js';
import { envIssues } from '../helpers/env.js';

const costIssues = (value: string) => envIssues({ RATE_LIMIT_COSTS: value }).filter((issue) => issue.variable === 'RATE_LIMIT_COSTS');

describe('RATE_LIMIT_COSTS', () => {
  it('is empty by default and reads "METHOD /route=cost" pairs', () => {
    expect(costIssues('')).toEqual([]);
    expect(costIssues('POST /api/v1/files=5, GET /api/v1/users/:id=2')).toEqual([]);
  });

  it.each([
    ['/api/v1/files=5', /is not "METHOD \/route"/],
    ['FETCH /api/v1/files=5', /is not "METHOD \/route"/],
    ['POST /api/v1/files=0', /whole-number cost/],
    ['POST /api/v1/files=1001', /whole-number cost/],
    ['POST /api/v1/files', /whole-number cost/],
    ['POST /api/v1/files=2,POST /api/v1/files=3', /given twice/],
  ])('refuses %s at start', (value, message) => {
    expect(costIssues(value).map((issue) => issue.message).join('\n')).toMatch(message);
  });
});

describe('MemoryCounters', () => {
  it('adds each cost to a fixed window, refuses what does not fit without using it, and starts a new window at its end', async () => {
    const counters = new MemoryCounters();
    expect(await counters.consume('k', 3, 5, 1000)).toMatchObject({ current: 3 });
    expect(await counters.consume('k', 3, 5, 1000)).toMatchObject({ current: 6 });
    expect(await counters.consume('k', 2, 5, 1000)).toMatchObject({ current: 5 });
    expect(await counters.consume('other', 1, 5, 1000)).toMatchObject({ current: 1 });
    const { ttl } = await counters.consume('k', 1, 5, 1000);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1000);
    expect(await counters.consume('short', 1, 5, 1)).toMatchObject({ current: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await counters.consume('short', 1, 5, 1)).toMatchObject({ current: 1 });
  });
});
