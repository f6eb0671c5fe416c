import { describe, expect, it } from 'vitest';
import { check, edit, freshTree } from './helpers.js';

describe('rate-limit', () => {
  it('reports the effective limit of a fresh project: per IP, or the highest plan where callers have plans', async () => {
    const minimal = await check(freshTree('minimal'), 'rate-limit');
    expect(minimal).toMatchObject({ status: 'pass', detail: expect.stringMatching(/: 100 requests per 60 s \(RATE_LIMIT_MAX/) });
    const standard = await check(freshTree('standard'), 'rate-limit');
    expect(standard).toMatchObject({ status: 'pass', detail: expect.stringMatching(/: 10000 requests per 60 s \(RATE_LIMIT_PLANS in \.env\.example: enterprise=10000\)$/) });
  });

  it('fails when a plan in .env.example allows more than a sane limit, naming it', async () => {
    const tree = freshTree('standard');
    edit(tree, '.env.example', 'enterprise=10000', 'enterprise=50000');
    expect(await check(tree, 'rate-limit')).toMatchObject({ status: 'fail', detail: expect.stringContaining('enterprise=50000') });
  });

  it('fails, naming rateLimitPlugin, when it leaves `plugins`', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/plugins/index.ts', '  rateLimitPlugin,\n', '');
    const result = await check(tree, 'rate-limit');
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('rateLimitPlugin (src/plugins/rate-limit.ts) is not listed in `plugins`');
  });

  it('fails when .env.example raises RATE_LIMIT_MAX beyond a sane limit, naming it', async () => {
    const tree = freshTree('full');
    edit(tree, '.env.example', 'RATE_LIMIT_MAX=100', 'RATE_LIMIT_MAX=1000000');
    const result = await check(tree, 'rate-limit');
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('RATE_LIMIT_MAX=1000000 in .env.example');
    expect(result.detail).toContain('1000000 per minute');
  });

  it('fails when the schema default is insane, naming the variable', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/config/env.ts', 'RATE_LIMIT_MAX: int(1, 1_000_000).default(100)', 'RATE_LIMIT_MAX: int(1, 1_000_000).default(500_000)');
    const result = await check(tree, 'rate-limit');
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('RATE_LIMIT_MAX default 500000');
  });

  it('judges requests per minute: 100 per 1 s passes (6000), 200 per 1 s fails (12000)', async () => {
    const tree = freshTree('minimal');
    edit(tree, '.env.example', 'RATE_LIMIT_WINDOW=60', 'RATE_LIMIT_WINDOW=1');
    expect((await check(tree, 'rate-limit')).status).toBe('pass');
    edit(tree, '.env.example', 'RATE_LIMIT_MAX=100', 'RATE_LIMIT_MAX=200');
    const result = await check(tree, 'rate-limit');
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('200 requests per 1 s');
  });

  it('warns when only routes that opt in are limited', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/plugins/rate-limit.ts', "hook: 'onRequest',", "hook: 'onRequest',\n      global: false,");
    const result = await check(tree, 'rate-limit');
    expect(result.status).toBe('warn');
    expect(result.detail).toMatch(/src\/plugins\/rate-limit\.ts:\d+: global: false/);
  });

  it('reads literal limits and ms-style windows', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/plugins/rate-limit.ts', 'max: env.RATE_LIMIT_MAX,', 'max: 50,');
    edit(tree, 'src/plugins/rate-limit.ts', 'timeWindow: env.RATE_LIMIT_WINDOW * 1000,', "timeWindow: '1 minute',");
    const result = await check(tree, 'rate-limit');
    expect(result.status).toBe('pass');
    expect(result.detail).toContain('50 requests per 60 s');
  });

  it('uses the plugin default (1000 per minute) when max is left out', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/plugins/rate-limit.ts', 'max: env.RATE_LIMIT_MAX,', '');
    const result = await check(tree, 'rate-limit');
    expect(result.status).toBe('pass');
    expect(result.detail).toContain('1000 requests per 60 s (plugin default)');
  });
});
