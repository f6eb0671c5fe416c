import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/core/resolve-options.js';
import { featureRegistry } from '../../src/features/registry.js';
import type { FeatureManifest } from '../../src/features/types.js';
import { resolvePlan, selectFeatures } from '../../src/plan/resolve.js';
import { dependencyVersions } from '../../src/versions.js';

const ids = (features: readonly FeatureManifest[]): string[] => features.map((f) => f.id);

describe('plan', () => {
  it('selects features from option values', () => {
    expect(ids(selectFeatures(resolveOptions({ cache: 'memory', features: ['docker'] })))).toEqual([
      'core', 'database-postgres', 'cache-lru', 'cache-local', 'cache-memory', 'rate-limit', 'auth-common', 'auth-passwords', 'auth-jwt', 'rate-limit-plans', 'jobs', 'queue-in-process', 'jobs-cleanup', 'email-log', 'docker', 'operations',
    ]);
    expect(ids(selectFeatures(resolveOptions({ auth: 'none', cache: 'none', features: [] })))).toEqual(['core', 'database-postgres', 'cache-local', 'cache-none', 'rate-limit', 'auth-none', 'operations']);
    // Features selected by several values of one option: what auth modes and cache adapters share.
    expect(ids(selectFeatures(resolveOptions({ auth: 'session', cache: 'redis', features: [] })))).toEqual([
      'core', 'database-postgres', 'redis', 'cache-lru', 'cache-redis', 'rate-limit', 'auth-common', 'auth-passwords', 'auth-session', 'rate-limit-plans', 'jobs', 'queue-in-process', 'jobs-cleanup', 'email-log', 'operations',
    ]);
    expect(ids(selectFeatures(resolveOptions({ auth: 'api-key', features: [] })))).toEqual([
      'core', 'database-postgres', 'cache-lru', 'cache-local', 'cache-memory', 'rate-limit', 'auth-common', 'auth-api-key', 'rate-limit-plans', 'operations',
    ]);
  });

  it('selects shared features through anyOf/allOf selectors: one Redis, jobs for every producer, storage only with uploads', () => {
    const bullmqOnly = ids(selectFeatures(resolveOptions({ auth: 'none', cache: 'memory', queue: 'bullmq', features: [] })));
    expect(bullmqOnly).toEqual(expect.arrayContaining(['redis', 'jobs', 'queue-bullmq']));
    expect(bullmqOnly).not.toContain('cache-redis');
    const inProcess = ids(selectFeatures(resolveOptions({ auth: 'none', cache: 'none', features: ['webhooks'] })));
    expect(inProcess).toEqual(expect.arrayContaining(['jobs', 'queue-in-process', 'webhooks']));
    expect(inProcess).not.toContain('redis');
    expect(ids(selectFeatures(resolveOptions({ auth: 'none', features: [] })))).not.toContain('jobs');
    expect(ids(selectFeatures(resolveOptions({ features: ['uploads'], storage: 's3' })))).toEqual(expect.arrayContaining(['uploads', 'storage-s3']));
    expect(ids(selectFeatures(resolveOptions({ features: ['uploads'] })))).toEqual(expect.arrayContaining(['uploads', 'storage-local']));
  });

  it('pins every dependency from the version map, sorted', () => {
    const plan = resolvePlan('demo', resolveOptions({}));
    for (const [name, version] of Object.entries({ ...plan.dependencies, ...plan.devDependencies })) {
      expect(dependencyVersions[name as keyof typeof dependencyVersions]).toBe(version);
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(Object.keys(plan.dependencies)).toEqual(Object.keys(plan.dependencies).sort());
    expect(plan.dependencies).toHaveProperty('lru-cache');
    expect(resolvePlan('demo', resolveOptions({ cache: 'none' })).dependencies).not.toHaveProperty('lru-cache');
  });

  it('collects registrations per extension point and env vars in feature order', () => {
    const plan = resolvePlan('demo', resolveOptions({}));
    expect(plan.registrations.healthChecks.map((r) => r.symbol)).toContain('databaseHealthCheck');
    expect(plan.registrations.shutdownHooks.map((r) => r.symbol)).toContain('closeDatabase');
    const names = plan.env.map((v) => v.name);
    expect(names.indexOf('NODE_ENV')).toBeLessThan(names.indexOf('DATABASE_URL'));
    expect(new Set(names).size).toBe(names.length);
  });

  it('adds compose services only with the docker feature', () => {
    expect(Object.keys(resolvePlan('demo', resolveOptions({ features: ['docker'] })).compose).sort()).toEqual(['app', 'migrate', 'postgres']);
    expect(resolvePlan('demo', resolveOptions({ features: [] })).compose).toEqual({});
  });

  it('orders a feature after the ones it requires and refuses a missing requirement', () => {
    const base: FeatureManifest = { id: 'base', summary: 'b', selectedWhen: { always: true }, templates: [] };
    const needsBase: FeatureManifest = { id: 'extra', summary: 'e', selectedWhen: { always: true }, requires: ['base'], templates: [] };
    const needsGhost: FeatureManifest = { id: 'lonely', summary: 'l', selectedWhen: { always: true }, requires: ['ghost'], templates: [] };
    expect(ids(selectFeatures(resolveOptions({}), [needsBase, base]))).toEqual(['base', 'extra']);
    expect(() => selectFeatures(resolveOptions({}), [needsGhost])).toThrowError(
      expect.objectContaining({ code: 'RULE_VIOLATION', details: ['[requires:lonely->ghost] lonely needs ghost'] }),
    );
  });

  it('refuses two features declaring the same env var', () => {
    const a: FeatureManifest = { id: 'a', summary: 'a', selectedWhen: { always: true }, templates: [], env: [{ name: 'X', schema: 'z.string()', example: '', description: '' }] };
    const b: FeatureManifest = { ...a, id: 'b' };
    expect(() => resolvePlan('demo', resolveOptions({}), [a, b])).toThrow(/Env var "X" is declared by both a and b/);
  });

  it('every registry feature has a unique id and existing requirements', () => {
    const all = new Set(ids(featureRegistry));
    expect(all.size).toBe(featureRegistry.length);
    for (const feature of featureRegistry) for (const id of feature.requires ?? []) expect(all).toContain(id);
  });
});

describe('compose services declared by several features', () => {
  const base = { summary: 's', selectedWhen: { option: 'features', includes: 'docker' }, templates: [] } as const;
  it('merge key by key, and a clash is an error naming the path', () => {
    const a: FeatureManifest = { ...base, id: 'a', compose: { app: { definition: { environment: { A: '1' } } } } };
    const b: FeatureManifest = { ...base, id: 'b', compose: { app: { definition: { environment: { B: '2' } } } } };
    const clash: FeatureManifest = { ...base, id: 'c', compose: { app: { definition: { environment: { A: 'other' } } } } };
    expect(resolvePlan('demo', resolveOptions({ features: ['docker'] }), [a, b]).compose['app']?.definition).toEqual({ environment: { A: '1', B: '2' } });
    expect(() => resolvePlan('demo', resolveOptions({ features: ['docker'] }), [a, clash])).toThrow('Conflicting values for compose.app.environment.A');
  });

  it('a service with environmentOf gets every variable of that service, whichever feature added it, its own winning', () => {
    const worker: FeatureManifest = { ...base, id: 'w', compose: { worker: { environmentOf: 'app', definition: { command: 'run', environment: { B: 'own' } } } } };
    const a: FeatureManifest = { ...base, id: 'a', compose: { app: { definition: { environment: { A: '1' } } } } };
    const b: FeatureManifest = { ...base, id: 'b', compose: { app: { definition: { environment: { B: '2', C: '3' } } } } };
    const compose = resolvePlan('demo', resolveOptions({ features: ['docker'] }), [a, worker, b]).compose;
    expect(compose['worker']?.definition).toEqual({ command: 'run', environment: { A: '1', B: 'own', C: '3' } });
  });
});
