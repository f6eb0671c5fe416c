import { databaseSchema, type OptionName, type StackOptions } from '../core/options.js';
import type { PackageName } from '../versions.js';

/** Named places in the generated code that features extend; see extension-points.ts. */
export type ExtensionPointId = 'plugins' | 'routes' | 'healthChecks' | 'shutdownHooks' | 'jobs' | 'eventSubscribers';

/** Import `symbol` from the project file `from` and append it to an extension point's array. */
export interface Registration {
  point: ExtensionPointId;
  symbol: string;
  /** Project-relative path of the module that exports `symbol`, e.g. `src/plugins/security.ts`. */
  from: string;
}

export interface EnvVar {
  name: string;
  /** Zod expression (source code) that validates the variable inside `envSchema`. */
  schema: string;
  /** Value written to `.env.example`. */
  example: string;
  description: string;
  /** Generated randomly into `.env` at create time; never committed. */
  secret?: boolean;
  /** Optional in development (an embedded stand-in is used), required in production. */
  requiredInProduction?: boolean;
}

export interface ComposeService {
  /** The service's YAML body as plain data. */
  definition: Record<string, unknown>;
  volumes?: string[];
  /** Another service whose whole `environment` (its own entries win) and volumes this one gets too: a worker runs with the app's configuration and data. */
  environmentOf?: string;
}

/** When a feature is part of a project: always, when an option has a value, or a combination of those. */
export type FeatureSelector =
  | { always: true }
  | { option: Exclude<OptionName, 'features'>; equals: string }
  | { option: Exclude<OptionName, 'features'>; oneOf: readonly string[] }
  | { option: 'features'; includes: string }
  | { option: 'features'; excludes: string }
  | { anyOf: readonly FeatureSelector[] }
  | { allOf: readonly FeatureSelector[] };

export interface FeatureManifest {
  id: string;
  summary: string;
  selectedWhen: FeatureSelector;
  /** Other features that must be present. */
  requires?: readonly string[];
  dependencies?: readonly PackageName[];
  devDependencies?: readonly PackageName[];
  scripts?: Readonly<Record<string, string>>;
  env?: readonly EnvVar[];
  /** Folders under `templates/`, rendered in order; a folder with `when` only where its selector matches. */
  templates: readonly TemplateFolder[];
  registrations?: readonly Registration[];
  /**
   * A server the project cannot migrate or test without, found through `env` (MySQL has no embedded
   * stand-in). When it is not configured, create and add skip those steps with `start` as the reason.
   */
  needsServer?: { env: string; start: string };
  /** Services merged into docker-compose.yml when the `docker` feature is on. */
  compose?: Readonly<Record<string, ComposeService>>;
}

/** A template folder, optionally only for some options (the database dialect's half of a feature). */
export type TemplateFolder = string | { folder: string; when: FeatureSelector };


/**
 * `base` (shared by every database) plus `base.<database>`: the schema, migrations and repositories
 * written for the chosen dialect, e.g. `auth/passwords` and `auth/passwords.sqlite`.
 */
export function withDialects(base: string, dialects: readonly string[] = databaseSchema.options): TemplateFolder[] {
  return [base, ...dialects.map((dialect) => ({ folder: `${base}.${dialect}`, when: { option: 'database' as const, equals: dialect } }))];
}

/** The folders a feature renders for these options, in order. */
export function templateFolders(feature: FeatureManifest, options: StackOptions): string[] {
  return feature.templates.flatMap((entry) =>
    typeof entry === 'string' ? [entry] : matches(entry.when, options) ? [entry.folder] : [],
  );
}

/** Every folder a feature may render, whatever the options (for checks over the whole template tree). */
export function allTemplateFolders(feature: FeatureManifest): string[] {
  return feature.templates.map((entry) => (typeof entry === 'string' ? entry : entry.folder));
}

export function isSelected(feature: FeatureManifest, options: StackOptions): boolean {
  return matches(feature.selectedWhen, options);
}

export function matches(selector: FeatureSelector, options: StackOptions): boolean {
  if ('always' in selector) return true;
  if ('anyOf' in selector) return selector.anyOf.some((part) => matches(part, options));
  if ('allOf' in selector) return selector.allOf.every((part) => matches(part, options));
  const features = options.features as readonly string[];
  if ('includes' in selector) return features.includes(selector.includes);
  if ('excludes' in selector) return !features.includes(selector.excludes);
  if ('oneOf' in selector) return selector.oneOf.includes(options[selector.option]);
  return options[selector.option] === selector.equals;
}
