import { describe, expect, it } from 'vitest';
import { compileGitignore } from '../../src/doctor/gitignore.js';

describe('compileGitignore', () => {
  const ignored = compileGitignore(['# comment', 'node_modules/', '/dist', '.env', '.env.*', '!.env.example', '*.log', 'docs/**/draft-*.md', ''].join('\n'));

  it('follows the rules a generated .gitignore uses', () => {
    expect(ignored('.env')).toBe(true);
    expect(ignored('.env.production')).toBe(true);
    expect(ignored('.env.example')).toBe(false);
    expect(ignored('packages/api/.env')).toBe(true);
    expect(ignored('node_modules/x/index.js')).toBe(true);
    expect(ignored('src/node_modules')).toBe(false);
    expect(ignored('dist/index.js')).toBe(true);
    expect(ignored('src/dist/index.js')).toBe(false);
    expect(ignored('logs/app.log')).toBe(true);
    expect(ignored('docs/a/b/draft-1.md')).toBe(true);
    expect(ignored('docs/final.md')).toBe(false);
    expect(ignored('src/app.ts')).toBe(false);
  });

  it('cannot bring a file back from inside an ignored folder', () => {
    const rules = compileGitignore('secrets/\n!secrets/keep.txt\n');
    expect(rules('secrets/keep.txt')).toBe(true);
  });

  it('ignores nothing without a .gitignore', () => {
    expect(compileGitignore(undefined)('.env')).toBe(false);
  });
});
