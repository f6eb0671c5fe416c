import { optionNames, optionValues, type PackageManager } from '../core/options.js';
import { deploymentContext, type DeploymentContext } from '../features/deployment.js';
import { importSpecifier } from '../features/extension-points.js';
import type { EnvVar, ExtensionPointId, Registration } from '../features/types.js';
import type { Plan } from '../plan/plan.js';

/** One extension point as templates print it: imports grouped by module (as ts-morph merges them), then the entries. */
export interface RenderedExtensionPoint {
  imports: { names: string; specifier: string }[];
  symbols: string[];
}

/** Precomputed booleans and strings: templates never compute, they only print (see ARCHITECTURE.md). */
export interface TemplateContext {
  projectName: string;
  /** `is.cache.memory`, `is.features.docker`, … — one boolean per option value. */
  is: Record<string, Record<string, boolean>>;
  /** `has.authPasswords`, … — one boolean per selected feature, its id in camelCase. */
  has: Record<string, boolean>;
  pm: PackageManagerCommands;
  registrations: Record<ExtensionPointId, RenderedExtensionPoint>;
  env: readonly EnvVar[];
  /** Env vars production refuses to start without (the `PRODUCTION_SECRETS` extension point). */
  secretNames: string[];
  /** Env vars optional in development but required in production (the `PRODUCTION_REQUIRED` extension point). */
  requiredNames: string[];
  /** The env split into ConfigMap values and credentials, and a Kubernetes name (k8s manifests, runbook). */
  deployment: DeploymentContext;
}

export interface PackageManagerCommands {
  name: PackageManager;
  install: string;
  run: string;
}

export const packageManagerCommands: Readonly<Record<PackageManager, PackageManagerCommands>> = {
  npm: { name: 'npm', install: 'npm install', run: 'npm run' },
};

function renderRegistrations(list: readonly Registration[]): RenderedExtensionPoint {
  const bySpecifier = new Map<string, string[]>();
  for (const registration of list) {
    const specifier = importSpecifier(registration.point, registration.from);
    bySpecifier.set(specifier, [...(bySpecifier.get(specifier) ?? []), registration.symbol]);
  }
  return {
    imports: [...bySpecifier].map(([specifier, names]) => ({ names: names.join(', '), specifier })),
    symbols: list.map((r) => r.symbol),
  };
}

const camelCase = (id: string) => id.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

export function buildContext(plan: Plan): TemplateContext {
  const is: Record<string, Record<string, boolean>> = {};
  for (const name of optionNames) {
    const chosen = plan.options[name];
    is[name] = Object.fromEntries(
      optionValues(name).map((value) => [value, Array.isArray(chosen) ? (chosen as readonly string[]).includes(value) : chosen === value]),
    );
  }
  const has = Object.fromEntries(plan.features.map((feature) => [camelCase(feature.id), true]));
  const r = plan.registrations;
  return {
    projectName: plan.projectName,
    is,
    has,
    pm: packageManagerCommands[plan.options.packageManager],
    registrations: {
      plugins: renderRegistrations(r.plugins),
      routes: renderRegistrations(r.routes),
      healthChecks: renderRegistrations(r.healthChecks),
      shutdownHooks: renderRegistrations(r.shutdownHooks),
      jobs: renderRegistrations(r.jobs),
      eventSubscribers: renderRegistrations(r.eventSubscribers),
    },
    env: plan.env,
    secretNames: plan.env.filter((v) => v.secret).map((v) => v.name),
    requiredNames: plan.env.filter((v) => v.requiredInProduction).map((v) => v.name),
    deployment: deploymentContext(plan.projectName, plan.env, plan.features.map((feature) => feature.id)),
  };
}
