import type { StackOptions } from '../core/options.js';
import type { ComposeService, EnvVar, ExtensionPointId, FeatureManifest, Registration } from '../features/types.js';

export type StepId = 'git' | 'install' | 'migrate' | 'test';

/** Everything generation needs, computed from the options alone: no I/O has happened yet. */
export interface Plan {
  projectName: string;
  options: StackOptions;
  features: readonly FeatureManifest[];
  dependencies: Readonly<Record<string, string>>;
  devDependencies: Readonly<Record<string, string>>;
  scripts: Readonly<Record<string, string>>;
  env: readonly EnvVar[];
  registrations: Readonly<Record<ExtensionPointId, readonly Registration[]>>;
  compose: Readonly<Record<string, ComposeService>>;
}
