import { describe, expect, it } from 'vitest';
import { authSchema } from '../../src/core/options.js';
import { dependencyVersions } from '../../src/versions.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

/** What `--features sentry` puts in the tree, and that nothing of it is there without the feature. */

const sentryFiles = [
  'src/lib/sentry.ts',
  'src/lib/sentry-crashes.ts',
  'src/plugins/sentry.ts',
  'docs/sentry.md',
  'test/helpers/sentry-receiver.ts',
  'test/helpers/sentry-crash-process.ts',
  'test/integration/sentry.test.ts',
  'test/integration/sentry-off.test.ts',
  'test/integration/sentry-crashes.test.ts',
  'test/unit/sentry-scrub.test.ts',
];

function render(auth: string, withSentry: boolean) {
  const base = presetOptions('standard', { auth: auth as never });
  const features = withSentry ? [...base.features.filter((f) => f !== 'sentry'), 'sentry'] : base.features.filter((f) => f !== 'sentry');
  const { tree } = generateTree({ ...base, features: features as typeof base.features });
  return (path: string) => tree.readText(path);
}

describe.each(authSchema.options)('--auth %s --features sentry', (auth) => {
  const read = render(auth, true);
  const text = (path: string) => read(path) ?? '';

  it('ships the Sentry modules, docs and tests, with @sentry/node pinned', () => {
    for (const path of sentryFiles) {
      expect(read(path), path).toBeDefined();
      expect(read(path), path).not.toMatch(/\{\{|\}\}/);
    }
    const pkg = JSON.parse(text('package.json')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@sentry/node']).toBe(dependencyVersions['@sentry/node']);
    expect(dependencyVersions['@sentry/node']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('registers the plugin and the shutdown hook, and adds the three optional variables', () => {
    expect(text('src/plugins/index.ts')).toMatch(/import \{ sentryPlugin \} from '\.\/sentry\.js';[\s\S]*\n {2}sentryPlugin,\n/);
    expect(text('src/app/shutdown-hooks.ts')).toMatch(/import \{ flushSentry \} from '\.\.\/lib\/sentry\.js';[\s\S]*\n {2}flushSentry,\n/);
    const env = text('src/config/env.ts');
    expect(env).toContain('  SENTRY_DSN: optionalUrl(/^https?$/),');
    for (const name of ['SENTRY_ENVIRONMENT', 'SENTRY_RELEASE']) expect(env).toContain(`  ${name}: z.string()`);
    // Off when unset, in production too: never a required variable or a secret.
    const lists = /PRODUCTION_SECRETS = \[([^\]]*)\][\s\S]*PRODUCTION_REQUIRED = \[([^\]]*)\]/.exec(env);
    expect(`${lists?.[1]}${lists?.[2]}`).not.toContain('SENTRY');
    for (const name of ['SENTRY_DSN', 'SENTRY_ENVIRONMENT', 'SENTRY_RELEASE']) expect(text('.env.example')).toContain(`\n${name}=\n`);
  });

  it('initialises errors-only, without OpenTelemetry, automatic request data or the SDK process handlers', () => {
    const lib = text('src/lib/sentry.ts');
    expect(lib).toContain('if (!env.SENTRY_DSN) return false;');
    expect(lib).toContain('enableOpenTelemetrySetup: false');
    expect(lib).toContain('defaultIntegrations: false');
    expect(lib).toContain('beforeSend: scrubEvent');
    expect(lib).not.toMatch(/requestDataIntegration|httpIntegration|onUncaughtExceptionIntegration|onUnhandledRejectionIntegration|localVariablesIntegration|tracesSampleRate/);
    // The plugin reports what the error handler itself calls a programming error.
    expect(text('src/plugins/sentry.ts')).toContain('isProgrammingError(error, deps.env.BODY_LIMIT_BYTES)');
    expect(text('src/middleware/error-handler.ts')).toContain('export function isProgrammingError(');
  });

  it('expects a user id in the events exactly when requests can carry one', () => {
    const test = text('test/integration/sentry.test.ts');
    expect(test.includes('expect(event?.user).toEqual({ id: user.id });')).toBe(auth !== 'none');
    expect(test.includes('expect(event?.user).toBeUndefined();')).toBe(auth === 'none');
    expect(text('README.md')).toContain('## Error tracking (Sentry)');
    expect(text('README.md')).toContain('[docs/sentry.md](docs/sentry.md)');
  });

  it('reports the worker process\'s crashes too, where the project has a worker', () => {
    const worker = read('src/worker.ts');
    // The password modes bring the jobs port (the cleanup job), so a worker entry; the others have none here.
    expect(worker === undefined).toBe(auth === 'api-key' || auth === 'none');
    if (worker !== undefined) expect(worker).toMatch(/if \(initSentry\(env\)\) reportCrashes\(\);/);
  });
});

describe('without --features sentry', () => {
  const read = render('jwt', false);

  it('has no Sentry file, dependency, variable or README section', () => {
    for (const path of sentryFiles) expect(read(path), path).toBeUndefined();
    expect(read('package.json')).not.toContain('@sentry/');
    expect(read('src/config/env.ts')).not.toContain('SENTRY');
    expect(read('.env.example')).not.toContain('SENTRY');
    expect(read('src/plugins/index.ts')).not.toContain('sentry');
    expect(read('src/app/shutdown-hooks.ts')).not.toContain('sentry');
    expect(read('src/worker.ts')).not.toMatch(/sentry/i);
    expect(read('README.md')).not.toMatch(/sentry/i);
    // The error handler's decision is core: it exists whether or not anything reports it.
    expect(read('src/middleware/error-handler.ts')).toContain('export function isProgrammingError(');
  });
});
