import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { PartialOptions } from '../../src/core/options.js';
import { dependencyVersions } from '../../src/versions.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

type Compose = { services: Record<string, { environment?: Record<string, string>; ports?: string[] }> };

const render = (overrides: PartialOptions) => {
  const { tree } = generateTree(presetOptions('standard', overrides));
  return (path: string) => tree.readText(path);
};

/** What `--features metrics` puts in the tree, and what each database, cache and queue option makes of it. */
describe('--features metrics', () => {
  const read = render({ features: ['ci', 'docker', 'metrics'] });
  const text = (path: string) => read(path) ?? '';

  it('ships the plugin, its collectors, tests and docs, and registers the plugin after the rate limiter', () => {
    for (const path of [
      'src/plugins/metrics.ts',
      'src/lib/metrics/registry.ts',
      'src/lib/metrics/collectors.ts',
      'test/helpers/prometheus-text.ts',
      'test/integration/metrics.test.ts',
      'test/unit/metrics-collectors.test.ts',
      'test/unit/metrics-env.test.ts',
      'docs/metrics.md',
    ]) {
      expect(read(path), path).toBeDefined();
    }
    const plugins = text('src/plugins/index.ts');
    expect(plugins).toContain("import { metricsPlugin } from './metrics.js';");
    expect(plugins.indexOf('  metricsPlugin,')).toBeGreaterThan(plugins.indexOf('  rateLimitPlugin,'));
    const dependencies = (JSON.parse(text('package.json')) as { dependencies: Record<string, string> }).dependencies;
    expect(dependencies['prom-client']).toBe(dependencyVersions['prom-client']);
  });

  it('validates METRICS_TOKEN and METRICS_PORT and, in production, insists on one of them', () => {
    const env = text('src/config/env.ts');
    expect(env).toMatch(/^ {2}METRICS_TOKEN: z\.string\(\)/m);
    expect(env).toMatch(/^ {2}METRICS_PORT: z\.union\(\[z\.literal\(''\), int\(1, 65_535\)\]\)/m);
    expect(env).toContain('env.METRICS_TOKEN === undefined && env.METRICS_PORT === undefined');
    expect(env).toContain('env.METRICS_PORT === env.PORT');
    expect(text('.env.example')).toMatch(/\nMETRICS_TOKEN=\n[\s\S]*\nMETRICS_PORT=\n/);
    expect(text('test/unit/env.test.ts')).toContain("...PRODUCTION_REQUIRED, 'METRICS_TOKEN']");
    expect(text('test/helpers/env.ts')).toContain("METRICS_TOKEN: randomBytes(36).toString('base64url')");
    expect(text('test/integration/openapi-routes.test.ts')).toContain("'GET /metrics',");
  });

  it('compose serves the metrics on an unpublished internal port', () => {
    const app = (parse(text('docker-compose.yml')) as Compose).services.app;
    expect(app?.environment).toMatchObject({ METRICS_PORT: '9100', METRICS_TOKEN: '${METRICS_TOKEN:-}' });
    expect(app?.ports).toEqual(['3000:3000']);
  });

  it('documents the metrics in the README and docs/metrics.md, with a scrape configuration and two alerts', () => {
    expect(text('README.md')).toContain('## Metrics');
    expect(text('README.md')).toContain('[docs/metrics.md](docs/metrics.md)');
    const docs = text('docs/metrics.md');
    expect(docs).toContain('job_name: demo-api');
    expect(docs).toContain('alert: HighErrorRate');
    expect(docs).toContain('alert: SlowRequestsP99');
    expect(docs).toContain('histogram_quantile(0.99,');
    expect(docs).toContain('db_pool_waiting_requests');
    expect(docs).toContain('cache_hits_total');
  });
});

describe('--features metrics across options', () => {
  it('reads the pg pool only on PostgreSQL, the cache only when there is one, the queue only with jobs', () => {
    const postgres = render({ features: ['metrics'], queue: 'bullmq', cache: 'redis' });
    const collectors = postgres('src/lib/metrics/collectors.ts') ?? '';
    expect(collectors).toContain("import pg from 'pg';");
    expect(collectors).toContain('registerPoolCollectors(registry, deps.database);');
    expect(collectors).toContain('registerQueueCollectors(registry, deps.jobs, deps.logger);');
    expect(postgres('docs/metrics.md')).toContain('jobs_queue_depth');

    // api-key keeps no expiring rows, so without a queue or a feature that enqueues there are no jobs.
    const sqlite = render({ features: ['metrics'], database: 'sqlite', cache: 'none', auth: 'api-key' });
    const plain = sqlite('src/lib/metrics/collectors.ts') ?? '';
    expect(plain).not.toMatch(/\bpg\b|Gauge|jobs/);
    expect(plain).toContain('SQLite is one synchronous connection');
    expect(sqlite('test/integration/metrics.test.ts')).toContain('reports no cache figures without a cache');
    expect(sqlite('docs/metrics.md')).not.toContain('cache_hits_total');
    expect(sqlite('docs/metrics.md')).not.toContain('db_pool_');
    expect(sqlite('docs/metrics.md')).not.toContain('jobs_queue_depth');
  });

  it('leaves projects without the feature untouched', () => {
    const read = render({ features: [] });
    expect(read('src/plugins/metrics.ts')).toBeUndefined();
    expect(read('docs/metrics.md')).toBeUndefined();
    for (const path of ['src/config/env.ts', 'test/unit/env.test.ts', 'test/helpers/env.ts', 'test/integration/openapi-routes.test.ts', 'src/plugins/index.ts']) {
      expect(read(path), path).not.toMatch(/metrics/i);
    }
    expect(read('README.md')).not.toMatch(/## Metrics|docs\/metrics\.md|METRICS_/);
    expect(JSON.parse(read('package.json') ?? '{}').dependencies).not.toHaveProperty('prom-client');
  });
});
