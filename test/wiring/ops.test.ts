import { describe, expect, it } from 'vitest';
import { addObjectProperty, appendToArray, ensureNamedImport } from '../../src/wiring/ops.js';
import { createWiringProject } from '../../src/wiring/project.js';

const source = (text: string) => createWiringProject().createSourceFile('src/plugins/index.ts', text);

describe('ensureNamedImport', () => {
  it('adds an import after the existing ones, once', () => {
    const file = source("import type { AppPlugin } from '../types/app.js';\nimport { a } from './a.js';\n\nexport const plugins: AppPlugin[] = [a];\n");
    expect(ensureNamedImport(file, 'b', './b.js')).toBe(true);
    expect(ensureNamedImport(file, 'b', './b.js')).toBe(false);
    expect(file.getFullText()).toMatchInlineSnapshot(`
      "import type { AppPlugin } from '../types/app.js';
      import { a } from './a.js';
      import { b } from './b.js';

      export const plugins: AppPlugin[] = [a];
      "
    `);
  });

  it('adds a name to an existing import of the same module', () => {
    const file = source("import { a } from './mod.js';\n");
    expect(ensureNamedImport(file, 'b', './mod.js')).toBe(true);
    expect(file.getFullText()).toBe("import { a, b } from './mod.js';\n");
  });
});

describe('appendToArray', () => {
  it('appends to an exported array, also behind `satisfies`, and only once', () => {
    const file = source('export const plugins = [\n  a,\n] satisfies Plugin[];\n');
    expect(appendToArray(file, 'plugins', 'b')).toBe(true);
    expect(appendToArray(file, 'plugins', 'b')).toBe(false);
    expect(file.getVariableDeclarationOrThrow('plugins').getInitializerOrThrow().getText()).toBe('[\n  a,\n  b,\n] satisfies Plugin[]');
  });

  it('works on an empty array', () => {
    const file = source('export const plugins: Plugin[] = [];\n');
    appendToArray(file, 'plugins', 'a');
    expect(file.getFullText()).toContain('a');
    expect(appendToArray(file, 'plugins', 'a')).toBe(false);
  });

  it('fails naming the file and identifier when the extension point is gone', () => {
    const file = source('export const renamed = [];\n');
    expect(() => appendToArray(file, 'plugins', 'a')).toThrowError(
      expect.objectContaining({ code: 'WIRING_ERROR', message: 'src/plugins/index.ts: cannot find the array `plugins`' }),
    );
  });
});

describe('addObjectProperty', () => {
  it('adds a property to the z.object literal, once, keeping what the user has', () => {
    const file = source("export const envSchema = z.object({\n  PORT: z.coerce.number().default(8080),\n});\n");
    expect(addObjectProperty(file, 'envSchema', 'REDIS_URL', 'z.url()')).toBe(true);
    expect(addObjectProperty(file, 'envSchema', 'REDIS_URL', 'z.url()')).toBe(false);
    expect(addObjectProperty(file, 'envSchema', 'PORT', 'z.coerce.number().default(3000)')).toBe(false);
    const text = file.getFullText();
    expect(text).toContain('default(8080)');
    expect(text).toContain('REDIS_URL: z.url()');
  });

  it('fails clearly when envSchema is not a z.object call', () => {
    expect(() => addObjectProperty(source('export const envSchema = 1;\n'), 'envSchema', 'A', 'z.string()')).toThrowError(
      expect.objectContaining({ code: 'WIRING_ERROR' }),
    );
  });
});

describe('removals and ordered inserts', () => {
  it('inserts after the last predecessor present, and removes an entry with its import', async () => {
    const { removeFromArray, removeNamedImport } = await import('../../src/wiring/ops.js');
    const file = source("import { a } from './a.js';\nimport { c } from './c.js';\n\nexport const plugins = [\n  a,\n  c,\n];\n");
    expect(appendToArray(file, 'plugins', 'b', ['a'])).toBe(true);
    expect(file.getVariableDeclarationOrThrow('plugins').getInitializerOrThrow().getText()).toBe('[\n  a,\n  b,\n  c,\n]');
    expect(removeFromArray(file, 'plugins', 'c')).toBe(true);
    expect(removeNamedImport(file, 'c', './c.js')).toBe(true);
    expect(removeFromArray(file, 'plugins', 'c')).toBe(false);
    expect(file.getFullText()).not.toContain('./c.js');
  });
});
