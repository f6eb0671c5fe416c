import { describe, expect, it } from 'vitest';
import { check, edit, freshTree } from './helpers.js';

describe('cors', () => {
  it('fails on CORS_ORIGINS=* in .env.example, naming the line', async () => {
    const tree = freshTree('standard');
    edit(tree, '.env.example', /^CORS_ORIGINS=$/m, 'CORS_ORIGINS=*');
    const result = await check(tree, 'cors');
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/^\.env\.example:\d+: CORS_ORIGINS=\*$/);
  });

  it("fails when '*' is one entry of a list", async () => {
    const tree = freshTree('minimal');
    edit(tree, '.env.example', /^CORS_ORIGINS=$/m, 'CORS_ORIGINS=https://app.example.com, *');
    expect((await check(tree, 'cors')).status).toBe('fail');
  });

  it("fails when the schema defaults CORS_ORIGINS to '*'", async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/config/env.ts', ".string()\n  .default('')", ".string()\n  .default('*')");
    const result = await check(tree, 'cors');
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/^src\/config\/env\.ts:\d+: CORS_ORIGINS defaults to '\*'$/);
  });

  it("fails on origin: '*' in the code, naming the file", async () => {
    const tree = freshTree('full');
    edit(tree, 'src/plugins/cors.ts', /origin: [^\n]*,\n/, "origin: '*',\n");
    const result = await check(tree, 'cors');
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/^src\/plugins\/cors\.ts:\d+: CORS origin is '\*'/);
  });

  it('fails on origin: true, which reflects every origin', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/plugins/cors.ts', /origin: [^\n]*,\n/, 'origin: true,\n');
    expect((await check(tree, 'cors')).detail).toMatch(/CORS origin is true/);
  });

  it('fails on @fastify/cors registered without an origin (its default is *)', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/plugins/cors.ts', /origin: [^\n]*,\n/, '');
    const result = await check(tree, 'cors');
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/registered without `origin`/);
  });

  it("fails when docker-compose falls back to '*'", async () => {
    const tree = freshTree('full');
    const compose = tree.readText('docker-compose.yml') ?? '';
    tree.write('docker-compose.yml', compose.replace(/environment:\n/, 'environment:\n      CORS_ORIGINS: "${CORS_ORIGINS:-*}"\n'));
    const result = await check(tree, 'cors');
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/^docker-compose\.yml:\d+: CORS_ORIGINS is '\*'$/);
  });

  it("warns when production no longer refuses '*'", async () => {
    const tree = freshTree('standard');
    edit(tree, 'src/config/env.ts', "if (env.CORS_ORIGINS.includes('*')) {", 'if (env.CORS_ORIGINS.length > 99) {');
    const result = await check(tree, 'cors');
    expect(result.status).toBe('warn');
    expect(result.detail).toContain("nothing refuses CORS_ORIGINS='*' when NODE_ENV=production");
  });

  it('passes when CORS is not registered at all (no cross-origin access)', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/plugins/index.ts', '  corsPlugin,\n', '');
    const result = await check(tree, 'cors');
    expect(result).toMatchObject({ status: 'pass', detail: '@fastify/cors not registered: no cross-origin access' });
  });
});
