import { describe, expect, it } from 'vitest';
import { check, edit, freshTree } from './helpers.js';

describe('security-headers', () => {
  it('fails, naming the plugin and the array, when securityPlugin leaves `plugins`', async () => {
    const tree = freshTree('standard');
    edit(tree, 'src/plugins/index.ts', '  securityPlugin,\n', '');
    const result = await check(tree, 'security-headers');
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('securityPlugin (src/plugins/security.ts) is not listed in `plugins` of src/plugins/index.ts');
    expect(result.fix).toMatch(/securityPlugin/);
  });

  it('fails when the helmet registration is commented out', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/plugins/security.ts', /await probe\.register\(helmet, \{[\s\S]*?\n {4}\}\);/, '// await app.register(helmet);');
    const result = await check(tree, 'security-headers');
    expect(result).toMatchObject({ status: 'fail', detail: '@fastify/helmet is not registered anywhere in src/' });
  });

  it('warns when HSTS is turned off', async () => {
    const tree = freshTree('full');
    edit(tree, 'src/plugins/security.ts', /strictTransportSecurity: \{[^}]*\}/, 'strictTransportSecurity: false');
    const result = await check(tree, 'security-headers');
    expect(result.status).toBe('warn');
    expect(result.detail).toMatch(/^src\/plugins\/security\.ts:\d+: helmet is registered with strictTransportSecurity: false$/);
  });

  it('accepts helmet registered directly in src/app.ts', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/plugins/index.ts', '  securityPlugin,\n', '');
    edit(tree, 'src/app.ts', "import Fastify", "import helmet from '@fastify/helmet';\nimport Fastify");
    edit(tree, 'src/app.ts', '  for (const plugin of plugins)', '  await app.register(helmet);\n  for (const plugin of plugins)');
    const result = await check(tree, 'security-headers');
    expect(result.status).toBe('pass');
    expect(result.detail).toMatch(/src\/app\.ts:\d+/);
  });
});
