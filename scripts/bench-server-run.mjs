// The generated `full` server under autocannon on loopback, against PostgreSQL 15 and Redis from
// ../shared/scripts/services.sh (started here on their own ports, stopped at the end), next to a bare
// Fastify hello world from the same node_modules. Rounds are interleaved (bare, live, user, list, bare, …)
// so that both sides see the same machine load; figures are medians over the rounds. Printed, not asserted.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { describeLoad, median, onCleanup } from './bench-support.mjs';

const bin = fileURLToPath(new URL('../bin/create-solid-backend.js', import.meta.url));
const servicesScript = fileURLToPath(new URL('../../shared/scripts/services.sh', import.meta.url));
// Own data directory and ports: the benchmark never touches services someone else started.
const services = { ...process.env, SVC_DIR: join(os.tmpdir(), 'csb-bench-services'), PG_PORT: '55462', REDIS_PORT: '56409' };
const STEP_TIMEOUT_MS = 10 * 60_000;
const ADMIN = { email: 'admin@example.com', password: 'bench admin password' };
const BARE_FASTIFY =
  "const app = require('fastify')(); app.get('/health/live', async () => ({ status: 'ok' })); app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });";

const sh = (body) =>
  execFileSync('bash', ['-c', `source '${servicesScript}' && ${body}`], { encoding: 'utf8', env: services, stdio: ['ignore', 'pipe', 'inherit'], timeout: STEP_TIMEOUT_MS });
const run = (command, args, options) => execFileSync(command, args, { stdio: 'ignore', timeout: STEP_TIMEOUT_MS, ...options });

function freePort() {
  return new Promise((resolvePort) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(url) {
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} never answered`);
}

function rssMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/\d+/.exec(line)[0]) / 1024;
}

async function start(args, cwd, env, undo) {
  const port = await freePort();
  const child = spawn('node', args, { cwd, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((done) => child.once('exit', done));
  // Stopping waits (up to 5 s) for the server to exit, so it is gone before the services it uses.
  const stop = onCleanup(() => child.kill('SIGTERM'));
  undo.push(() => {
    stop();
    return Promise.race([exited, new Promise((done) => setTimeout(done, 5000).unref())]);
  });
  await waitFor(`http://127.0.0.1:${port}/health/live`);
  return { pid: child.pid, base: `http://127.0.0.1:${port}` };
}

async function json(url, init) {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** One autocannon run while sampling the server's RSS. */
async function load(target, { connections, seconds }) {
  let peak = rssMiB(target.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(target.pid))), 200);
  const result = await autocannon({ url: target.url, connections, duration: seconds, headers: target.headers });
  clearInterval(sampler);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${target.label}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, peak };
}

/** Services, a database, and a built, seeded `full` project (generated here unless `project` names one). */
async function prepare(dir, project, undo) {
  undo.push(onCleanup(() => sh('svc_stop >/dev/null')));
  const envLines = sh('svc_start_pg >/dev/null && svc_start_redis >/dev/null && svc_env');
  const serverUrl = /DATABASE_URL='([^']+)'/.exec(envLines)[1];
  const admin = Object.assign(new URL(serverUrl), { pathname: '/postgres' });
  run('psql', [admin.toString(), '-q', '-c', 'DROP DATABASE IF EXISTS bench_server', '-c', 'CREATE DATABASE bench_server']);
  // Development mode with the .env the CLI wrote; logs at warn (the bare server logs nothing) and a rate
  // limit no single client reaches, or the benchmark would measure 429s.
  const env = {
    ...process.env,
    CI: 'true',
    NODE_ENV: 'development',
    DATABASE_URL: Object.assign(new URL(serverUrl), { pathname: '/bench_server' }).toString(),
    REDIS_URL: /REDIS_URL='([^']+)'/.exec(envLines)[1],
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '1000000',
  };
  let cwd = project;
  if (cwd === undefined) {
    cwd = join(dir, 'srv');
    run('node', [bin, 'srv', '--preset', 'full', '--no-git', '--no-test'], { cwd: dir, env });
  }
  for (const script of ['build', 'db:migrate']) run('npm', ['run', script], { cwd, env });
  run('npm', ['run', 'db:seed'], { cwd, env: { ...env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  return { cwd, env };
}

/**
 * Runs the server benchmark and returns its table and summary lines.
 * `project`: an already generated full project with its node_modules (skips generation and install).
 */
export async function benchServer({ rounds, seconds, connections, project }) {
  const dir = mkdtempSync(join(os.tmpdir(), 'csb-bench-server-'));
  // What to undo, in reverse order: the temp directory, the services, the two servers.
  const undo = [onCleanup(() => rmSync(dir, { recursive: true, force: true }))];
  try {
    const { cwd, env } = await prepare(dir, project === undefined ? undefined : resolve(project), undo);
    const bare = await start(['-e', BARE_FASTIFY], cwd, env, undo);
    const server = await start(['dist/index.js'], cwd, env, undo);
    const login = await json(`${server.base}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify(ADMIN) });
    const auth = { authorization: `Bearer ${login.data.access_token}` };
    const me = await json(`${server.base}/api/v1/users/me`, { headers: auth });
    for (let i = 0; i < 200; i += 1) {
      await json(`${server.base}/api/v1/users`, { method: 'POST', headers: auth, body: JSON.stringify({ email: `user${i}@example.com`, name: `User ${i}` }) });
    }
    await new Promise((done) => setTimeout(done, 1000));
    const idle = rssMiB(server.pid);

    const targets = [
      { label: 'bare Fastify: GET /health/live', pid: bare.pid, url: `${bare.base}/health/live` },
      { label: 'full: GET /health/live', pid: server.pid, url: `${server.base}/health/live` },
      { label: 'full: GET /api/v1/users/:id (JWT, Redis cache)', pid: server.pid, url: `${server.base}/api/v1/users/${me.data.id}`, headers: auth },
      { label: 'full: GET /api/v1/users?limit=20 (PostgreSQL, keyset)', pid: server.pid, url: `${server.base}/api/v1/users?limit=20`, headers: auth },
    ];
    // Warm-up (JIT, connection pools, caches); not counted.
    for (const target of targets) await load(target, { connections, seconds: 2 });
    const loadBefore = os.loadavg()[0];
    const samples = targets.map(() => []);
    for (let round = 0; round < rounds; round += 1) {
      for (const [i, target] of targets.entries()) samples[i].push(await load(target, { connections, seconds }));
    }
    const loadAfter = os.loadavg()[0];
    return summarise({ targets, samples, idle, rounds, seconds, connections, load: describeLoad(loadBefore, loadAfter, os.cpus().length) });
  } finally {
    for (const step of undo.reverse()) await step();
  }
}

function summarise({ targets, samples, idle, rounds, seconds, connections, load }) {
  const rows = targets.map((target, i) => {
    const runs = samples[i];
    const rps = runs.map((r) => r.rps);
    return { label: target.label, rps: median(rps), min: Math.min(...rps), max: Math.max(...rps), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), peak: Math.max(...runs.map((r) => r.peak)) };
  });
  // Ratios per round (each against the bare server of the same round), then their median.
  const ratio = (i) => median(samples[i].map((r, round) => r.rps / samples[0][round].rps));
  for (const [i, row] of rows.entries()) row.ratio = i === 0 ? 1 : ratio(i);
  const [, live, cached] = rows;
  const ms = (n) => `${n.toFixed(1)} ms`;
  const summary = [
    `/health/live vs bare Fastify: ${live.ratio.toFixed(2)}x (goal >= 0.85x)`,
    `cached GET /users/:id vs bare Fastify: ${cached.ratio.toFixed(2)}x (goal >= 0.40x), p99 ${ms(cached.p99)} (goal < 20 ms)`,
    `full server RSS: ${idle.toFixed(0)} MiB idle, ${Math.max(...rows.slice(1).map((r) => r.peak)).toFixed(0)} MiB peak under load`,
    `autocannon: ${connections} connections, ${rounds} interleaved rounds of ${seconds} s per row (medians), loopback; PostgreSQL 15 and Redis on loopback`,
    load,
  ];
  return { rows, summary, ms };
}

export function printServer({ rows, summary, ms }) {
  console.log('| measurement | req/s (median) | req/s range | vs bare | p50 | p99 | server RSS peak |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.label} | ${Math.round(r.rps)} | ${Math.round(r.min)}–${Math.round(r.max)} | ${r.ratio.toFixed(2)}x | ${ms(r.p50)} | ${ms(r.p99)} | ${r.peak.toFixed(0)} MiB |`);
  }
  console.log('');
  for (const line of summary) console.log(line);
}
