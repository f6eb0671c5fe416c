import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/core/resolve-options.js';
import type { FeatureManifest } from '../../src/features/types.js';
import { resolvePlan } from '../../src/plan/resolve.js';
import { mergeCompose } from '../../src/updaters/compose.js';
import { renderDotenv } from '../../src/updaters/dotenv.js';
import { documentedKeys, mergeEnvExample } from '../../src/updaters/env-example.js';
import { mergePackageJson } from '../../src/updaters/package-json.js';

const feature = (id: string, names: string[]): FeatureManifest => ({
  id,
  summary: id.toUpperCase(),
  selectedWhen: { always: true },
  templates: [],
  env: names.map((name) => ({ name, schema: 'z.string()', example: `${name.toLowerCase()}-example`, description: `about ${name}` })),
});

describe('.env.example', () => {
  it('writes one commented block per feature', () => {
    const created = mergeEnvExample('', [feature('a', ['A_ONE']), feature('b', ['B_ONE'])]);
    expect(created.startsWith('# Copy to .env for local development')).toBe(true);
    expect(created.endsWith('\n\n# --- A ---\n# about A_ONE\nA_ONE=a_one-example\n\n# --- B ---\n# about B_ONE\nB_ONE=b_one-example\n')).toBe(true);
  });

  it('comments every line of a multi-line description', () => {
    const multi: FeatureManifest = { ...feature('m', []), env: [{ name: 'M', schema: '', example: '1', description: 'first\nsecond' }] };
    expect(mergeEnvExample('# mine\n', [multi])).toBe('# mine\n\n# --- M ---\n# first\n# second\nM=1\n');
  });

  it('keeps what the user wrote and adds only missing keys; a second merge changes nothing', () => {
    const user = '# mine\nA_ONE=custom\n# B_ONE=commented-out\n';
    const merged = mergeEnvExample(user, [feature('a', ['A_ONE', 'A_TWO']), feature('b', ['B_ONE'])]);
    expect(merged.startsWith(user.trimEnd())).toBe(true);
    expect(merged).toContain('A_TWO=a_two-example');
    expect(merged.match(/A_ONE=/g)).toHaveLength(1);
    expect(merged).not.toContain('# --- B ---');
    expect(mergeEnvExample(merged, [feature('a', ['A_ONE', 'A_TWO']), feature('b', ['B_ONE'])])).toBe(merged);
    expect([...documentedKeys(merged)].sort()).toEqual(['A_ONE', 'A_TWO', 'B_ONE']);
  });
});

describe('.env', () => {
  it('fills secrets with fresh random values and copies the rest', () => {
    const vars = [
      { name: 'PORT', schema: '', example: '3000', description: '' },
      { name: 'SECRET', schema: '', example: 'change-me', description: '', secret: true },
    ];
    const first = renderDotenv(vars);
    expect(first).toContain('PORT=3000');
    expect(first).not.toContain('change-me');
    expect(first.match(/SECRET=([\w-]+)/)?.[1]).toHaveLength(43);
    expect(renderDotenv(vars)).not.toBe(first);
  });
});

describe('package.json', () => {
  const plan = resolvePlan('demo-api', resolveOptions({}));

  it('creates a package with pinned dependencies and the plan scripts', () => {
    const json = JSON.parse(mergePackageJson(undefined, plan)) as Record<string, unknown>;
    expect(json).toMatchObject({ name: 'demo-api', type: 'module', private: true, scripts: { test: 'vitest run', 'db:migrate': expect.any(String) } });
    expect((json['dependencies'] as Record<string, string>)['fastify']).toMatch(/^\d/);
  });

  it('keeps user scripts and extra dependencies, and is stable when merged again', () => {
    const user = JSON.stringify({ name: 'renamed', scripts: { test: 'vitest run --coverage', extra: 'echo hi' }, dependencies: { leftpad: '1.0.0' } });
    const merged = mergePackageJson(user, plan);
    const json = JSON.parse(merged) as { name: string; scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(json.name).toBe('renamed');
    expect(json.scripts['test']).toBe('vitest run --coverage');
    expect(json.scripts['extra']).toBe('echo hi');
    expect(json.dependencies['leftpad']).toBe('1.0.0');
    expect(mergePackageJson(merged, plan)).toBe(merged);
  });
});

describe('docker-compose.yml', () => {
  const services = {
    db: { definition: { image: 'postgres:15', volumes: ['db-data:/var/lib/postgresql/data'] }, volumes: ['db-data'] },
  };

  it('creates services and named volumes', () => {
    expect(parse(mergeCompose(undefined, services))).toEqual({
      services: { db: { image: 'postgres:15', volumes: ['db-data:/var/lib/postgresql/data'] } },
      volumes: { 'db-data': null },
    });
  });

  it('leaves services the user defined alone, keeps comments, and is idempotent', () => {
    const user = '# my stack\nservices:\n  db:\n    image: postgres:16 # pinned by me\n  mail:\n    image: mailhog\n';
    const merged = mergeCompose(user, services);
    expect(merged).toContain('# my stack');
    expect(merged).toContain('postgres:16 # pinned by me');
    expect(parse(merged).services.mail).toEqual({ image: 'mailhog' });
    expect(mergeCompose(merged, services)).toBe(merged);
  });
});

describe('compose contributions', () => {
  it('adds missing keys to an existing service without touching the user values', () => {
    const user = 'services:\n  app:\n    image: mine\n    environment:\n      LOG_LEVEL: debug\n';
    const merged = mergeCompose(user, { app: { definition: { image: 'theirs', environment: { LOG_LEVEL: 'info', JWT_SECRET: 'x' } } } });
    expect(parse(merged).services.app).toEqual({ image: 'mine', environment: { LOG_LEVEL: 'debug', JWT_SECRET: 'x' } });
  });
});
