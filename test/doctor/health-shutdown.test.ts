import { describe, expect, it } from 'vitest';
import { check, edit, freshTree } from './helpers.js';

describe('health-checks', () => {
  it('fails when the liveness route is gone', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/routes/health.routes.ts', "'/health/live'", "'/health/alive-and-well'");
    expect(await check(tree, 'health-checks')).toMatchObject({ status: 'fail', detail: 'no liveness route (GET …/live) in src/' });
  });

  it('fails when the readiness route is gone', async () => {
    const tree = freshTree('standard');
    edit(tree, 'src/routes/health.routes.ts', "'/health/ready'", "'/health/status'");
    expect(await check(tree, 'health-checks')).toMatchObject({ status: 'fail', detail: 'no readiness route (GET …/ready) in src/' });
  });

  it('fails, naming the route, when readiness no longer checks the database', async () => {
    const tree = freshTree('full');
    edit(tree, 'src/app/health-checks.ts', '  databaseHealthCheck,\n', '');
    const result = await check(tree, 'health-checks');
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/^\/health\/ready \(src\/routes\/health\.routes\.ts:\d+\) does not check the database$/);
    expect(result.fix).toContain('databaseHealthCheck');
  });

  it('accepts routes declared with app.route({ url })', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/routes/health.routes.ts', "app.get(\n    '/health/live',", "app.route({ method: 'GET', url: '/livez', handler: async () => ({ status: 'ok' }) });\n  app.get(\n    '/old/path',");
    const result = await check(tree, 'health-checks');
    expect(result.status).toBe('pass');
    expect(result.detail).toMatch(/^\/livez and \/health\/ready/);
  });
});

describe('graceful-shutdown', () => {
  it('fails when SIGTERM is no longer handled', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/index.ts', "['SIGTERM', 'SIGINT']", "['SIGINT']");
    expect(await check(tree, 'graceful-shutdown')).toMatchObject({ status: 'fail', detail: 'no SIGTERM handler (process.on/once) in src/index.ts' });
  });

  it('fails when nothing closes the server', async () => {
    const tree = freshTree('standard');
    edit(tree, 'src/app/shutdown.ts', 'app.close().then(', 'Promise.resolve().then(');
    const result = await check(tree, 'graceful-shutdown');
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/^src\/index\.ts:\d+ handles SIGTERM, but nothing calls app\.close\(\)$/);
  });

  it('fails when the shutdown hooks are never run', async () => {
    const tree = freshTree('full');
    edit(tree, 'src/index.ts', "import { shutdownHooks } from './app/shutdown-hooks.js';\n", '');
    edit(tree, 'src/index.ts', 'hooks: shutdownHooks', 'hooks: []');
    const result = await check(tree, 'graceful-shutdown');
    expect(result).toMatchObject({ status: 'fail', detail: '`shutdownHooks` (src/app/shutdown-hooks.ts) is never run by src/index.ts' });
  });

  it('warns when no hook closes the database', async () => {
    const tree = freshTree('full');
    edit(tree, 'src/app/shutdown-hooks.ts', '  closeDatabase,\n', '');
    expect((await check(tree, 'graceful-shutdown')).detail).toBe('`shutdownHooks` (src/app/shutdown-hooks.ts) does not close the database');
  });

  it('accepts a direct process.on("SIGTERM") handler', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'src/index.ts', /for \(const signal of \['SIGTERM', 'SIGINT'\] as const\) \{\n\s*process\.once\(signal,/, "{\n    process.on('SIGTERM',");
    const result = await check(tree, 'graceful-shutdown');
    expect(result.status).toBe('pass');
    expect(result.detail).toMatch(/^SIGTERM handled \(src\/index\.ts:\d+\), server closed \(src\/app\/shutdown\.ts:\d+\), 1 shutdown hook run$/);
  });
});
