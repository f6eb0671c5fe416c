import { describe, expect, it } from 'vitest';
import { mergeJson, mergePackageJsonText } from '../../src/merge/json-three-way.js';
import { mergeText } from '../../src/merge/three-way-text.js';
import { mergeSections } from '../../src/merge/sections.js';

describe('mergeJson', () => {
  it('takes the generator’s change where the user left the value, keeps the user’s value elsewhere', () => {
    const base = { a: 1, b: 1, gone: 1, deps: { x: '1' } };
    const target = { a: 2, b: 2, deps: { x: '1', y: '2' } };
    const mine = { a: 1, b: 9, gone: 1, mine: true, deps: { x: '1', z: '3' } };
    expect(mergeJson(base, target, mine)).toEqual({ a: 2, b: 9, mine: true, deps: { x: '1', z: '3', y: '2' } });
  });

  it('sorts dependency maps in package.json', () => {
    const text = mergePackageJsonText('{"dependencies":{"b":"1"}}', '{"dependencies":{"b":"1","a":"1"}}', '{"dependencies":{"c":"1","b":"1"}}');
    expect(Object.keys((JSON.parse(text) as { dependencies: object }).dependencies)).toEqual(['a', 'b', 'c']);
  });
});

describe('mergeSections', () => {
  const heading = (line: string) => line.startsWith('## ');
  const base = '# App\n\n## One\n\none\n\n## Two\n\ntwo\n';
  const target = '# App\n\n## One\n\nONE\n\n## New\n\nnew\n\n## Two\n\ntwo\n';

  it('inserts new sections after their predecessor and updates untouched ones', () => {
    const mine = '# App\n\nOur intro.\n\n## One\n\none\n\n## Two\n\ntwo\n\n## Ours\n\nours\n';
    expect(mergeSections(base, target, mine, heading)).toBe('# App\n\nOur intro.\n\n## One\n\nONE\n\n## New\n\nnew\n\n## Two\n\ntwo\n\n## Ours\n\nours\n');
  });

  it('keeps a section the user edited, and drops one the generator dropped only if untouched', () => {
    const mine = '# App\n\n## One\n\nour one\n\n## Two\n\ntwo\n';
    const dropped = '# App\n\n## One\n\none\n';
    expect(mergeSections(base, target, mine, heading)).toContain('## One\n\nour one\n');
    expect(mergeSections(base, dropped, mine, heading)).toBe('# App\n\n## One\n\nour one\n\n');
  });
});

describe('mergeText', () => {
  const base = 'a\nb\nc\nd\ne\nf\ng\n';
  const target = 'a\nb\nc\nd\nE\nf\ng\n';

  it('keeps both sides’ edits when they touch different lines', () => {
    expect(mergeText(base, target, 'top\na\nb\nc\nd\ne\nf\ng\n')).toBe('top\na\nb\nc\nd\nE\nf\ng\n');
    expect(mergeText(base, target, 'a\nB2\nc\nd\ne\nf\ng\n')).toBe('a\nB2\nc\nd\nE\nf\ng\n');
  });

  it('refuses where both changed the same or adjacent lines, as git does', () => {
    expect(mergeText(base, target, 'a\nb\nc\nd\nmine\nf\ng\n')).toBeUndefined();
    expect(mergeText(base, target, 'a\nb\nc\nD2\ne\nf\ng\n')).toBeUndefined();
  });
});
