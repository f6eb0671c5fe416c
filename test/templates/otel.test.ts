import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { PartialOptions, StackOptions } from '../../src/core/options.js';
import { resolvePlan } from '../../src/plan/resolve.js';
import { dependencyVersions } from '../../src/versions.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

/** What `--features otel` puts in the tree, per database, cache and queue, and nothing of it without. */

const otelFiles = [
  'src/instrumentation.ts',
  'src/lib/tracing.ts',
  'src/lib/tracing-sdk.ts',
  'docs/tracing.md',
  'test/helpers/otlp-receiver.ts',
  'test/helpers/traced-server.ts',
  'test/integration/tracing.test.ts',
  'test/unit/tracing-settings.test.ts',
];

type Compose = { services: Record<string, { command?: string[]; environment?: Record<string, string> }> };

function options(overrides: PartialOptions, otel: boolean): StackOptions {
  const base = presetOptions('standard', overrides);
  const features = base.features.filter((f) => f !== 'otel' && f !== 'docker');
  return { ...base, features: [...features, 'docker', ...(otel ? ['otel'] : [])] as StackOptions['features'] };
}

function render(overrides: PartialOptions, otel = true) {
  const { tree } = generateTree(options(overrides, otel));
  const text = (path: string) => tree.readText(path) ?? '';
  const pkg = JSON.parse(text('package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
  return { tree, text, pkg, compose: parse(text('docker-compose.yml')) as Compose };
}

describe('--features otel', () => {
  it('loads src/instrumentation.ts ahead of the app in start, dev, worker, the image and the compose worker', () => {
    const { text, pkg, compose } = render({ database: 'postgres', cache: 'redis', queue: 'bullmq' });
    expect(pkg.scripts['start']).toBe('node --import ./dist/instrumentation.js dist/index.js');
    expect(pkg.scripts['dev']).toBe('tsx watch --import ./src/instrumentation.ts src/index.ts');
    expect(pkg.scripts['worker']).toBe('tsx --import ./src/instrumentation.ts src/worker.ts');
    expect(text('Dockerfile')).toContain('CMD ["node", "--import", "./dist/instrumentation.js", "dist/index.js"]');
    expect(text('Dockerfile')).not.toContain('CMD ["node", "dist/index.js"]');
    expect(compose.services['worker']?.command).toEqual(['node', 'dist/worker.js']);
    expect(compose.services['worker']?.environment?.['NODE_OPTIONS']).toBe('--import ./dist/instrumentation.js');
    expect(compose.services['app']?.environment?.['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('${OTEL_EXPORTER_OTLP_ENDPOINT:-}');
    // The app is started by the image's CMD: NODE_OPTIONS there would load the set-up twice.
    expect(compose.services['app']?.environment?.['NODE_OPTIONS']).toBeUndefined();
  });

  it('registers the flush as a shutdown hook and declares the standard variables', () => {
    const { text } = render({});
    expect(text('src/app/shutdown-hooks.ts')).toContain("import { flushTracing } from '../lib/tracing.js';");
    expect(text('src/app/shutdown-hooks.ts')).toMatch(/^\s+flushTracing,$/m);
    for (const name of ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_SERVICE_NAME']) {
      expect(text('.env.example')).toContain(`\n${name}=\n`);
      expect(text('src/config/env.ts')).toContain(`  ${name}: `);
    }
    expect(text('README.md')).toContain('## Tracing (OpenTelemetry)');
    expect(text('README.md')).toContain('docs/tracing.md');
  });

  it.each([
    { overrides: { database: 'postgres', cache: 'redis' }, drivers: ['instrumentation-pg', 'instrumentation-ioredis'] },
    { overrides: { database: 'postgres', cache: 'memory', queue: 'none' }, drivers: ['instrumentation-pg'] },
    { overrides: { database: 'mysql', cache: 'memory', queue: 'bullmq' }, drivers: ['instrumentation-mysql2', 'instrumentation-ioredis'] },
    { overrides: { database: 'sqlite', cache: 'none', queue: 'none' }, drivers: [] },
  ] as { overrides: PartialOptions; drivers: string[] }[])('instruments only the drivers the project has: $overrides', ({ overrides, drivers }) => {
    const { text, pkg } = render(overrides);
    const all = ['instrumentation-pg', 'instrumentation-ioredis', 'instrumentation-mysql2'];
    for (const driver of all) {
      expect(`@opentelemetry/${driver}` in pkg.dependencies, driver).toBe(drivers.includes(driver));
      expect(text('src/lib/tracing-sdk.ts').includes(`@opentelemetry/${driver}'`), driver).toBe(drivers.includes(driver));
    }
    for (const always of ['@opentelemetry/instrumentation-http', '@fastify/otel', '@opentelemetry/instrumentation-pino', 'import-in-the-middle']) {
      expect(pkg.dependencies[always]).toBe(dependencyVersions[always as keyof typeof dependencyVersions]);
    }
    expect(text('test/integration/tracing.test.ts')).not.toMatch(/\{\{|\}\}/);
  });

  it('leaves no trace of itself without the feature', () => {
    const { tree, text, pkg, compose } = render({ cache: 'redis', queue: 'bullmq' }, false);
    for (const path of otelFiles) expect(tree.readText(path), path).toBeUndefined();
    expect(Object.keys(pkg.dependencies).filter((name) => name.includes('opentelemetry') || name === '@fastify/otel' || name === 'import-in-the-middle')).toEqual([]);
    expect(pkg.scripts['start']).toBe('node dist/index.js');
    expect(pkg.scripts['dev']).toBe('tsx watch src/index.ts');
    expect(pkg.scripts['worker']).toBe('tsx src/worker.ts');
    expect(text('Dockerfile')).toContain('CMD ["node", "dist/index.js"]');
    expect(JSON.stringify(compose)).not.toContain('OTEL_');
    expect(text('src/app/shutdown-hooks.ts')).not.toContain('flushTracing');
    expect(text('README.md')).not.toContain('Tracing');
  });

  it('ships every file with the feature', () => {
    const { tree } = render({});
    for (const path of otelFiles) expect(tree.readText(path), path).toBeDefined();
  });
});

describe('scripts: a feature may replace a script only of a feature it requires', () => {
  it('refuses two unrelated features declaring one script', () => {
    const core = { id: 'core', summary: 'c', selectedWhen: { always: true }, templates: [], scripts: { start: 'a' } } as const;
    const other = { id: 'other', summary: 'o', selectedWhen: { always: true }, templates: [], scripts: { start: 'b' } } as const;
    const replacing = { ...other, id: 'replacing', requires: ['core'] } as const;
    const opts = presetOptions('minimal');
    expect(() => resolvePlan('x', opts, [core, other])).toThrow('Script "start" is declared by both core and other');
    expect(resolvePlan('x', opts, [core, replacing]).scripts).toEqual({ start: 'b' });
  });
});
