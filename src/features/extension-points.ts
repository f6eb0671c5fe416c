import { posix } from 'node:path';
import type { ExtensionPointId } from './types.js';

/**
 * The generated code's extension points: exported array literals that features append to. Both the
 * templates (on create) and the ts-morph wiring (on add) target exactly these identifiers.
 */
export interface ArrayExtensionPoint {
  file: string;
  arrayName: string;
  /** The feature whose templates create the file; core when unset. */
  ownedBy?: string;
}

export const extensionPoints: Readonly<Record<ExtensionPointId, ArrayExtensionPoint>> = {
  plugins: { file: 'src/plugins/index.ts', arrayName: 'plugins' },
  routes: { file: 'src/routes/index.ts', arrayName: 'routeModules' },
  healthChecks: { file: 'src/app/health-checks.ts', arrayName: 'healthChecks' },
  shutdownHooks: { file: 'src/app/shutdown-hooks.ts', arrayName: 'shutdownHooks' },
  jobs: { file: 'src/jobs/index.ts', arrayName: 'jobDefinitions', ownedBy: 'jobs' },
  eventSubscribers: { file: 'src/app/event-subscribers.ts', arrayName: 'eventSubscribers' },
};

/**
 * The env schema: one object literal passed to `z.object` and exported as `envSchema`; beside it the
 * names of the secrets production insists on, `PRODUCTION_SECRETS`, and of the variables that are
 * optional in development but required in production, `PRODUCTION_REQUIRED`.
 */
export const envExtensionPoint = { file: 'src/config/env.ts', variableName: 'envSchema', secretsArray: 'PRODUCTION_SECRETS', requiredArray: 'PRODUCTION_REQUIRED' } as const;

/** The module specifier that `point`'s file uses to import `from` (NodeNext wants `.js`). */
export function importSpecifier(point: ExtensionPointId, from: string): string {
  const relative = posix.relative(posix.dirname(extensionPoints[point].file), from).replace(/\.ts$/, '.js');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
