import { createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { expectAllStepsPassed, expectScriptPasses, expectServerServes } from './checks.js';
import { bootServer, cleanEnv, freshDatabase, runCli, workDir } from './harness.js';
import { describeProblems, lintOpenApi, renderSwaggerUi, summarize } from './openapi-gate.js';
import { startProcess, startReceiver, startS3rver, waitFor } from './processes.js';

/**
 * `--preset full` (jwt, Redis cache, BullMQ, email, webhooks, uploads on S3) with DATABASE_URL and
 * REDIS_URL set: the CLI's own migrate and test steps run on PostgreSQL 15 and Redis; then the production
 * build runs as two processes, the API and `node dist/worker.js`, as docker-compose would run them, with
 * an S3-compatible server (s3rver, from the project's own devDependencies) for the uploads.
 */
describe('create --preset full against PostgreSQL 15 and Redis, with the worker in its own process', () => {
  const work = workDir('full');
  const project = join(work.dir, 'full-api');
  let env: Record<string, string | undefined> = {};
  afterAll(() => work.remove());

  it('creates, installs, migrates and passes its own tests on the real servers', async () => {
    env = cleanEnv({ DATABASE_URL: await freshDatabase(inject('postgresUrl'), 'e2e_full'), REDIS_URL: inject('redisUrl') });
    const run = await runCli(['full-api', '--preset', 'full', '--json'], work.dir, env);
    expect(run.exitCode, run.all).toBe(0);
    const result = expectAllStepsPassed(run.stdout);
    expect(result.features).toEqual(expect.arrayContaining(['cache-redis', 'queue-bullmq', 'email', 'webhooks', 'uploads', 'storage-s3']));
    expect(Object.keys(result.dependencies)).toEqual(expect.arrayContaining(['ioredis', 'bullmq', 'nodemailer', '@aws-sdk/client-s3']));
  });

  it('type-checks, lints, builds, boots with Redis in readiness, and writes its keys to Redis', async () => {
    await expectScriptPasses('typecheck', project, env);
    await expectScriptPasses('lint', project, env);
    await expectScriptPasses('build', project, env);
    const prefix = `e2e-${Date.now()}`;
    await expectServerServes(project, { ...env, CACHE_KEY_PREFIX: prefix, JOBS_QUEUE_NAME: `${prefix}-jobs` }, 'jwt');
    const keys = await execa('redis-cli', ['-u', inject('redisUrl'), '--scan', '--pattern', `${prefix}:*`]);
    const written = keys.stdout.split('\n').filter(Boolean);
    expect(written.some((key) => key.startsWith(`${prefix}:cache:users:`)), keys.stdout).toBe(true);
    expect(written.some((key) => key.startsWith(`${prefix}:rate-limit:`)), keys.stdout).toBe(true);
  });

  it('serves an OpenAPI document that passes Spectral (oas + OWASP) with 0 errors, rendered by Swagger UI in chromium', async () => {
    const server = await bootServer(project, env);
    try {
      const response = await fetch(`${server.baseUrl}/docs/openapi.json`);
      expect(response.status).toBe(200);
      const text = await response.text();
      const document = JSON.parse(text) as { info: { title: string }; paths: Record<string, Record<string, unknown>> };
      for (const report of await lintOpenApi(text)) {
        console.log(
          `Spectral ${report.ruleset}: ${report.errors.length} errors, ${report.warnings.length} warnings (${summarize(report.warnings)})` +
            (report.accepted.length > 0 ? `; accepted: ${summarize(report.accepted)}` : ''),
        );
        expect(report.errors, describeProblems(report.errors)).toEqual([]);
      }

      const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
      const operations = Object.values(document.paths).flatMap((item) => Object.keys(item).filter((key) => methods.has(key))).length;
      const screenshot = join(work.dir, 'swagger-ui.png');
      const view = await renderSwaggerUi(`${server.baseUrl}/docs`, operations, screenshot);
      console.log(`Swagger UI: ${view.operations} operations rendered (screenshot: ${screenshot})`);
      expect(view.title).toContain(document.info.title);
      expect(view.operations).toBe(operations);
      // A CSP refusal of the UI's scripts or styles is logged to the console: none may happen.
      expect(view.problems).toEqual([]);
    } finally {
      expect(await server.stop(), server.output()).toBe(0);
    }
  });

  it('the worker process delivers a signed webhook and the welcome email, uploads go to S3, and both processes exit 0 on SIGTERM', async () => {
    const outbox = join(work.dir, 'outbox');
    mkdirSync(outbox);
    const s3 = await startS3rver(project, join(work.dir, 's3'), 'e2e-files');
    const receiver = await startReceiver();
    const runEnv = {
      ...env,
      JOBS_QUEUE_NAME: `e2e-${Date.now()}`,
      EMAIL_OUTBOX_DIR: outbox,
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: 'e2e-files',
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'correct horse battery staple',
    };
    await expectScriptPasses('db:seed', project, runEnv);
    const server = await bootServer(project, runEnv);
    const worker = startProcess('node', ['dist/worker.js'], project, runEnv);
    try {
      const api = (path: string, init: RequestInit = {}) => fetch(`${server.baseUrl}/api/v1${path}`, init);
      const login = await api('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: runEnv.ADMIN_EMAIL, password: runEnv.ADMIN_PASSWORD }),
      });
      expect(login.status, await login.clone().text()).toBe(200);
      const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
      const json = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

      const subscribed = await api('/webhooks', { method: 'POST', headers: json, body: JSON.stringify({ url: receiver.url, events: ['user.created'] }) });
      expect(subscribed.status, await subscribed.clone().text()).toBe(201);
      const { secret } = ((await subscribed.json()) as { data: { secret: string } }).data;

      const email = `worker-${Date.now()}@example.com`;
      const created = await api('/users', { method: 'POST', headers: json, body: JSON.stringify({ email, name: 'Worker Test' }) });
      expect(created.status, await created.clone().text()).toBe(201);
      const userId = ((await created.json()) as { data: { id: string } }).data.id;

      // The API only enqueues: these arrive because the worker process consumed the jobs.
      const delivery = await waitFor(() => receiver.requests[0], 30_000, () => `no delivery\n${worker.output()}`);
      const timestamp = delivery.headers['x-webhook-timestamp'];
      const expected = createHmac('sha256', secret).update(`${String(timestamp)}.${delivery.body}`).digest('hex');
      expect(delivery.headers['x-webhook-signature']).toBe(`sha256=${expected}`);
      expect(delivery.headers['x-webhook-event']).toBe('user.created');
      expect(JSON.parse(delivery.body)).toMatchObject({ type: 'user.created', data: { user: { id: userId, email } } });
      const mail = await waitFor(
        () => readdirSync(outbox).map((file) => readFileSync(join(outbox, file), 'utf8')).find((text) => text.includes(email)),
        30_000,
        () => `no welcome email in the outbox\n${worker.output()}`,
      );
      expect(mail).toMatch(/^Subject: .*welcome/im);

      const ready = (await (await fetch(`${server.baseUrl}/health/ready`)).json()) as { checks: Record<string, string>; details?: Record<string, unknown> };
      expect(ready.checks).toMatchObject({ database: 'ok', cache: 'ok', queue: 'ok' });
      expect(ready.details?.['queue']).toMatchObject({ waiting: expect.any(Number), dead: expect.any(Number) });

      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
      const form = new FormData();
      form.append('file', new Blob([png], { type: 'image/png' }), 'pixel.png');
      const uploaded = await api('/files', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      expect(uploaded.status, await uploaded.clone().text()).toBe(201);
      const file = ((await uploaded.json()) as { data: { id: string; contentType: string; size: number } }).data;
      expect(file).toMatchObject({ contentType: 'image/png', size: png.length });
      expect(s3.objectCount(), 'the object is in the S3 bucket').toBe(1);
      const download = await api(`/files/${file.id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('image/png');
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    } finally {
      const [workerCode, serverCode] = [await worker.stop(), await server.stop()];
      await receiver.close();
      await s3.close();
      expect(workerCode, worker.output()).toBe(0);
      expect(serverCode, server.output()).toBe(0);
    }
  });
});
