import { CliError } from '../core/errors.js';
import type { StackOptions } from '../core/options.js';
import { featureRegistry } from '../features/registry.js';
import { isSelected, type ComposeService, type EnvVar, type ExtensionPointId, type FeatureManifest, type Registration } from '../features/types.js';
import { dependencyVersions, type PackageName } from '../versions.js';
import { mergeDeclared } from '../updaters/deep-merge.js';
import type { Plan } from './plan.js';

/** Selected features in dependency order; registry order breaks ties so plans are deterministic. */
export function selectFeatures(options: StackOptions, registry: readonly FeatureManifest[] = featureRegistry): FeatureManifest[] {
  const selected = registry.filter((feature) => isSelected(feature, options));
  const byId = new Map(selected.map((feature) => [feature.id, feature]));
  const missing = selected.flatMap((feature) =>
    (feature.requires ?? []).filter((id) => !byId.has(id)).map((id) => `[requires:${feature.id}->${id}] ${feature.id} needs ${id}`),
  );
  if (missing.length > 0) {
    throw new CliError('RULE_VIOLATION', 'Some chosen features need others that are not chosen', 'Add the features named below, or drop the ones that need them.', missing);
  }
  const ordered: FeatureManifest[] = [];
  const visiting = new Set<string>();
  const visit = (feature: FeatureManifest): void => {
    if (ordered.includes(feature)) return;
    if (visiting.has(feature.id)) throw new Error(`Feature requirement cycle through ${feature.id}`);
    visiting.add(feature.id);
    for (const id of feature.requires ?? []) visit(byId.get(id)!);
    visiting.delete(feature.id);
    ordered.push(feature);
  };
  selected.forEach(visit);
  return ordered;
}

function pinned(names: readonly PackageName[]): Record<string, string> {
  return Object.fromEntries([...new Set(names)].sort().map((name) => [name, dependencyVersions[name]]));
}

function mergeUnique<T>(features: readonly FeatureManifest[], pick: (f: FeatureManifest) => readonly T[] | undefined, key: (item: T) => string, what: string): T[] {
  const seen = new Map<string, string>();
  const merged: T[] = [];
  for (const feature of features) {
    for (const item of pick(feature) ?? []) {
      const id = key(item);
      const owner = seen.get(id);
      if (owner) throw new Error(`${what} "${id}" is declared by both ${owner} and ${feature.id}`);
      seen.set(id, feature.id);
      merged.push(item);
    }
  }
  return merged;
}

/**
 * Scripts are unique too, except that a feature may replace a script of a feature it requires (otel
 * runs `start` with `--import`): dependency order puts the required one first, so the result is stable.
 */
function mergeScripts(features: readonly FeatureManifest[]): Record<string, string> {
  const owners = new Map<string, string>();
  const scripts: Record<string, string> = {};
  for (const feature of features) {
    for (const [name, command] of Object.entries(feature.scripts ?? {})) {
      const owner = owners.get(name);
      if (owner && !(feature.requires ?? []).includes(owner)) throw new Error(`Script "${name}" is declared by both ${owner} and ${feature.id}`);
      owners.set(name, feature.id);
      scripts[name] = command;
    }
  }
  return scripts;
}

/** Several features may contribute to one service (e.g. auth adds JWT_SECRET to `app`): merged, never overwritten. */
function mergeComposeServices(features: readonly FeatureManifest[]): Record<string, ComposeService> {
  const services: Record<string, ComposeService> = {};
  for (const feature of features) {
    for (const [name, service] of Object.entries(feature.compose ?? {})) {
      const current = services[name];
      services[name] = current
        ? {
            ...current,
            definition: mergeDeclared(current.definition, service.definition, `compose.${name}`),
            volumes: [...new Set([...(current.volumes ?? []), ...(service.volumes ?? [])])],
          }
        : service;
    }
  }
  return Object.fromEntries(Object.entries(services).map(([name, service]) => [name, withInheritedEnvironment(service, services)]));
}

/** `environmentOf`: the other service's environment (its own entries win) and its volumes (the same data: a SQLite file, uploads). */
function withInheritedEnvironment(service: ComposeService, services: Readonly<Record<string, ComposeService>>): ComposeService {
  if (service.environmentOf === undefined) return service;
  const source = services[service.environmentOf]?.definition;
  if (source === undefined) return service;
  const definition = { ...service.definition };
  if (source['environment'] !== undefined) {
    definition['environment'] = { ...(source['environment'] as Record<string, unknown>), ...(service.definition['environment'] as Record<string, unknown> | undefined) };
  }
  if (source['volumes'] !== undefined) {
    definition['volumes'] = [...new Set([...((source['volumes'] as unknown[]) ?? []), ...((service.definition['volumes'] as unknown[] | undefined) ?? [])])];
  }
  return { ...service, definition };
}

export function resolvePlan(projectName: string, options: StackOptions, registry?: readonly FeatureManifest[]): Plan {
  const features = selectFeatures(options, registry);
  const env = mergeUnique<EnvVar>(features, (f) => f.env, (v) => v.name, 'Env var');
  const scripts = mergeScripts(features);
  const registrationList = mergeUnique<Registration>(features, (f) => f.registrations, (r) => `${r.point}:${r.symbol}`, 'Registration');
  const registrations: Record<ExtensionPointId, Registration[]> = { plugins: [], routes: [], healthChecks: [], shutdownHooks: [], jobs: [], eventSubscribers: [] };
  for (const registration of registrationList) registrations[registration.point].push(registration);
  const compose = options.features.includes('docker') ? mergeComposeServices(features) : {};
  return {
    projectName,
    options,
    features,
    dependencies: pinned(features.flatMap((f) => f.dependencies ?? [])),
    devDependencies: pinned(features.flatMap((f) => f.devDependencies ?? [])),
    scripts,
    env,
    registrations,
    compose,
  };
}
