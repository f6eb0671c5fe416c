import { describe, expect, it } from 'vitest';
import { entropy, looksRandom, scanText } from '../../src/doctor/secret-scan.js';
import type { MemoryTree } from '../../src/tree/memory-tree.js';
import { check, edit, fakeRunner, freshTree, gitAnswers } from './helpers.js';

/** A git repository that tracks every file of the tree except .env, unless told otherwise. */
function inGit(tree: MemoryTree, options: { tracked?: string[]; untracked?: string[] } = {}) {
  return fakeRunner(gitAnswers(options.tracked ?? tree.files().filter((path) => path !== '.env'), options.untracked ?? []));
}

// Built at run time so this file itself holds nothing a secret scanner would flag.
const awsKey = ['AKIA', 'Z7QK2M4N6P8R3T5V'].join('');
const stripeKey = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
const jwt = ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'].join('.');
const randomSecret = 'KzrJ8-cgmSaXNl55_k4oYmIr096toPClboTMXsZu17k';
const keyBlock = ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ');

describe('secrets', () => {
  it('fails when .gitignore does not ignore .env', async () => {
    const tree = freshTree('minimal');
    edit(tree, '.gitignore', /^\.env$/m, '');
    edit(tree, '.gitignore', /^\.env\.\*$/m, '');
    const result = await check(tree, 'secrets');
    expect(result).toMatchObject({ status: 'fail', detail: '.env is not ignored by .gitignore' });
  });

  it('fails when .env is tracked by git, even though it is ignored', async () => {
    const tree = freshTree('standard');
    tree.write('.env', `JWT_SECRET=${randomSecret}\n`);
    const result = await check(tree, 'secrets', { run: inGit(tree, { tracked: tree.files() }) });
    expect(result.status).toBe('fail');
    expect(result.detail).toBe('.env is tracked by git');
    expect(result.fix).toContain('git rm --cached .env');
  });

  it('does not mind an untracked, ignored .env full of secrets', async () => {
    const tree = freshTree('standard');
    tree.write('.env', `JWT_SECRET=${randomSecret}\n`);
    const result = await check(tree, 'secrets', { run: inGit(tree) });
    expect(result.status).toBe('pass');
    expect(result.detail).toMatch(/\.env ignored and untracked; no key-like strings \(scanned \d+ files git tracks or would add\)/);
  });

  it.each([
    ['a private key block', 'test/fixtures/key.pem', `${keyBlock}\nMIIEow…\n`, 'private key block in test/fixtures/key.pem:1'],
    ['an AWS access key', 'src/lib/aws.ts', `export const region = 'eu-west-1';\nexport const accessKeyId = '${awsKey}';\n`, 'AWS access key id in src/lib/aws.ts:2'],
    ['a Stripe live key', 'src/lib/billing.ts', `const stripe = new Stripe('${stripeKey}');\n`, 'Stripe live key in src/lib/billing.ts:1'],
    ['a JWT', 'test/unit/auth.test.ts', `const token = '${jwt}';\n`, 'JWT in test/unit/auth.test.ts:1'],
    ['a random value assigned to a SECRET name', 'src/config/keys.ts', `export const SESSION_SECRET = '${randomSecret}';\n`, 'random-looking value of SESSION_SECRET in src/config/keys.ts:1'],
  ])('fails on %s in a tracked file, naming file and line', async (_what, path, content, expected) => {
    const tree = freshTree('minimal');
    tree.write(path, content);
    const result = await check(tree, 'secrets', { run: inGit(tree) });
    expect(result.status).toBe('fail');
    expect(result.detail).toContain(expected);
  });

  it('fails on a real-looking secret in .env.example, but not on its placeholders', async () => {
    const tree = freshTree('full');
    expect((await check(tree, 'secrets', { run: inGit(tree) })).status).toBe('pass');
    edit(tree, '.env.example', 'JWT_SECRET=replace-with-at-least-32-random-characters', `JWT_SECRET=${randomSecret}`);
    const result = await check(tree, 'secrets', { run: inGit(tree) });
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/^random-looking value of JWT_SECRET in \.env\.example:\d+/);
  });

  it('scans untracked files git would add', async () => {
    const tree = freshTree('minimal');
    tree.write('notes.txt', `stripe: ${stripeKey}\n`);
    const tracked = tree.files().filter((path) => path !== 'notes.txt');
    const result = await check(tree, 'secrets', { run: inGit(tree, { tracked, untracked: ['notes.txt'] }) });
    expect(result.detail).toContain('Stripe live key in notes.txt:1');
  });

  it('outside git, scans the files on disk that .gitignore does not exclude, and says so', async () => {
    const tree = freshTree('minimal');
    tree.write('debug.log', `${awsKey}\n`);
    tree.write('.env.production', `JWT_SECRET=${randomSecret}\n`);
    const clean = await check(tree, 'secrets');
    expect(clean.status).toBe('pass');
    expect(clean.detail).toMatch(/not a git repository: scanned \d+ files on disk that \.gitignore does not exclude/);
    tree.write('src/aws.ts', `export const key = '${awsKey}';\n`);
    const dirty = await check(tree, 'secrets');
    expect(dirty.status).toBe('fail');
    expect(dirty.detail).toContain('AWS access key id in src/aws.ts:1');
    expect(dirty.detail).toContain('not a git repository');
  });

  it("accepts AWS's documented example key and passphrase-style test passwords", async () => {
    const tree = freshTree('minimal');
    tree.write('docs/aws.md', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n');
    tree.write('test/unit/login.test.ts', "const password = 'Pa55word-that-must-not-leak';\nconst KEY = env.S3_SECRET_ACCESS_KEY;\n");
    expect((await check(tree, 'secrets', { run: inGit(tree) })).status).toBe('pass');
  });
});

describe('secret heuristics', () => {
  it('tells random keys from placeholders, words and code', () => {
    expect(looksRandom(randomSecret)).toBe(true);
    expect(looksRandom('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBe(true);
    expect(looksRandom('replace-with-at-least-32-random-characters')).toBe(false);
    expect(looksRandom('dev-only-jwt-secret-change-me-in-production!!!!!')).toBe(false);
    expect(looksRandom('Pa55word-that-must-not-leak')).toBe(false);
    expect(looksRandom('short1A')).toBe(false);
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abcd')).toBe(2);
  });

  it('skips unquoted expressions in code but not in env or YAML files', () => {
    expect(scanText('src/a.ts', `const API_KEY = ${randomSecret};`)).toEqual([]);
    expect(scanText('config.yml', `api_key: ${randomSecret}`)).toHaveLength(1);
  });
});
