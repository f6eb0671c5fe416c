import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitTree } from '../../src/tree/commit.js';
import { MemoryTree } from '../../src/tree/memory-tree.js';
import { tempDir } from '../helpers/fixtures.js';

function smallTree(): MemoryTree {
  const tree = new MemoryTree();
  tree.write('package.json', '{}\n');
  tree.write('src/index.ts', 'export {};\n');
  tree.write('.gitignore', 'node_modules\n');
  return tree;
}

describe('commitTree', () => {
  it('writes every file into a new directory and leaves no staging directory', () => {
    const parent = tempDir();
    const target = join(parent, 'app');
    commitTree(smallTree(), target, false);
    expect(readFileSync(join(target, 'src/index.ts'), 'utf8')).toBe('export {};\n');
    expect(existsSync(join(target, '.gitignore'))).toBe(true);
    expect(readdirSync(parent)).toEqual(['app']);
  });

  it('writes into an existing empty directory', () => {
    const target = join(tempDir(), 'empty');
    mkdirSync(target);
    commitTree(smallTree(), target, false);
    expect(readdirSync(target).sort()).toEqual(['.gitignore', 'package.json', 'src']);
  });

  it('refuses a non-empty directory without force, touching nothing', () => {
    const target = join(tempDir(), 'busy');
    mkdirSync(target);
    writeFileSync(join(target, 'notes.txt'), 'keep me');
    expect(() => commitTree(smallTree(), target, false)).toThrowError(expect.objectContaining({ code: 'TARGET_NOT_EMPTY', exitCode: 2 }));
    expect(readdirSync(target)).toEqual(['notes.txt']);
  });

  it('with force, writes into a non-empty directory and keeps unrelated files', () => {
    const target = join(tempDir(), 'busy');
    mkdirSync(target);
    writeFileSync(join(target, 'notes.txt'), 'keep me');
    commitTree(smallTree(), target, true);
    expect(readdirSync(target).sort()).toEqual(['.gitignore', 'notes.txt', 'package.json', 'src']);
  });

  it('leaves nothing behind when writing fails part way', () => {
    const parent = tempDir();
    let written = 0;
    const failOnThird: typeof writeFileSync = (...args) => {
      if (++written === 3) throw new Error('ENOSPC: no space left on device');
      writeFileSync(...args);
    };
    expect(() => commitTree(smallTree(), join(parent, 'app'), false, failOnThird)).toThrowError(
      expect.objectContaining({ code: 'WRITE_FAILED', message: expect.stringContaining('ENOSPC') }),
    );
    expect(readdirSync(parent)).toEqual([]);
  });
});
