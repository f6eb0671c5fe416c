import { describe, expect, it } from 'vitest';
import { check, edit, freshTree } from './helpers.js';

describe('env-documented', () => {
  it('fails naming the variable that .env.example leaves out', async () => {
    const tree = freshTree('full');
    edit(tree, '.env.example', /^JWT_ISSUER=.*\n/m, '');
    const result = await check(tree, 'env-documented');
    expect(result.status).toBe('fail');
    expect(result.detail).toBe('JWT_ISSUER is in envSchema (src/config/env.ts) but not in .env.example');
    expect(result.fix).toContain('JWT_ISSUER=…');
  });

  it('fails naming a variable added to the schema only', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/config/env.ts', '  RATE_LIMIT_MAX:', "  STRIPE_API_KEY: z.string().optional(),\n  RATE_LIMIT_MAX:");
    const result = await check(tree, 'env-documented');
    expect(result).toMatchObject({ status: 'fail', detail: 'STRIPE_API_KEY is in envSchema (src/config/env.ts) but not in .env.example' });
  });

  it('counts a commented-out example as documented', async () => {
    const tree = freshTree('minimal');
    edit(tree, '.env.example', /^LOG_LEVEL=/m, '# LOG_LEVEL=');
    expect((await check(tree, 'env-documented')).status).toBe('pass');
  });

  it('fails when .env.example is missing', async () => {
    const tree = freshTree('standard');
    tree.delete('.env.example');
    expect(await check(tree, 'env-documented')).toMatchObject({ status: 'fail', detail: '.env.example is missing' });
  });

  it('warns when it cannot find envSchema', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/config/env.ts', 'export const envSchema = z.object({', 'export const settingsSchema = z.object({');
    expect((await check(tree, 'env-documented')).status).toBe('warn');
  });
});
