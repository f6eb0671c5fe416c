// npm run bench:server [-- --seconds N --connections N]
// The generated `full` server under autocannon on loopback, against PostgreSQL 15 and Redis from
// ../shared/scripts/services.sh (own ports), next to a bare Fastify hello world from the same
// node_modules. Figures are printed, never asserted: speed is measured, not tested.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' } } });
const duration = Number(values.seconds);
const connections = Number(values.connections);
const bin = fileURLToPath(new URL('../bin/create-solid-backend.js', import.meta.url));
const servicesScript = fileURLToPath(new URL('../../shared/scripts/services.sh', import.meta.url));
const services = { ...process.env, SVC_DIR: join(tmpdir(), 'csb-bench-services'), PG_PORT: '55462', REDIS_PORT: '56409' };

const sh = (body) => execFileSync('bash', ['-c', `source '${servicesScript}' && ${body}`], { encoding: 'utf8', env: services, stdio: ['ignore', 'pipe', 'inherit'] });

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
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
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered`);
}

function rssMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/\d+/.exec(line)[0]) / 1024;
}

/** Runs autocannon while sampling the server's RSS; returns the figures of one run. */
async function load(label, pid, url, headers = {}) {
  let peak = rssMiB(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 200);
  const result = await autocannon({ url, connections, duration, headers });
  clearInterval(sampler);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, peak };
}

async function start(command, args, cwd, env) {
  const port = await freePort();
  const child = spawn(command, args, { cwd, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor(`http://127.0.0.1:${port}/health/live`);
  return { child, base: `http://127.0.0.1:${port}` };
}

async function json(url, init) {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

const dir = mkdtempSync(join(tmpdir(), 'csb-bench-server-'));
const children = [];
try {
  const envLines = sh('svc_start_pg >/dev/null && svc_start_redis >/dev/null && svc_env');
  const serverUrl = /DATABASE_URL='([^']+)'/.exec(envLines)[1];
  const redisUrl = /REDIS_URL='([^']+)'/.exec(envLines)[1];
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  execFileSync('psql', [admin.toString(), '-q', '-c', 'DROP DATABASE IF EXISTS bench_server', '-c', 'CREATE DATABASE bench_server']);
  const databaseUrl = Object.assign(new URL(serverUrl), { pathname: '/bench_server' }).toString();
  // Development mode with the .env the CLI wrote; logs at warn (the bare server logs nothing) and a rate
  // limit no single client reaches, or the benchmark would measure 429s.
  const env = { ...process.env, CI: 'true', NODE_ENV: 'development', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '1000000' };
  const project = join(dir, 'srv');
  const created = spawnSync('node', [bin, 'srv', '--preset', 'full', '--no-git', '--no-test'], { cwd: dir, env, encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`create failed:\n${created.stdout}\n${created.stderr}`);
  execFileSync('npm', ['run', 'build'], { cwd: project, env, stdio: 'ignore' });
  execFileSync('npm', ['run', 'db:seed'], { cwd: project, env: { ...env, ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'bench admin password' }, stdio: 'ignore' });

  const bare = await start('node', ['-e', "const app = require('fastify')(); app.get('/health/live', async () => ({ status: 'ok' })); app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });"], project, env);
  children.push(bare.child);
  const server = await start('node', ['dist/index.js'], project, env);
  children.push(server.child);
  const login = await json(`${server.base}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'admin@example.com', password: 'bench admin password' }) });
  const auth = { authorization: `Bearer ${login.data.access_token}` };
  const me = await json(`${server.base}/api/v1/users/me`, { headers: auth });
  for (let i = 0; i < 200; i += 1) {
    await json(`${server.base}/api/v1/users`, { method: 'POST', headers: auth, body: JSON.stringify({ email: `user${i}@example.com`, name: `User ${i}` }) });
  }
  const idle = rssMiB(server.child.pid);

  const rows = [
    await load('bare Fastify: GET /health/live', bare.child.pid, `${bare.base}/health/live`),
    await load('full: GET /health/live', server.child.pid, `${server.base}/health/live`),
    await load('full: GET /api/v1/users/:id (JWT, Redis cache)', server.child.pid, `${server.base}/api/v1/users/${me.data.id}`, auth),
    await load('full: GET /api/v1/users?limit=20 (PostgreSQL, keyset)', server.child.pid, `${server.base}/api/v1/users?limit=20`, auth),
  ];
  const [hello, live, cached] = rows;
  const ms = (n) => `${n.toFixed(1)} ms`;
  console.log(`autocannon: ${connections} connections, ${duration} s each, loopback; PostgreSQL 15 and Redis on loopback`);
  console.log('| measurement | req/s (mean) | p50 | p99 | server RSS peak |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.label} | ${Math.round(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.peak.toFixed(0)} MiB |`);
  console.log('');
  console.log(`/health/live vs bare Fastify: ${(live.rps / hello.rps).toFixed(2)}x (goal >= 0.85x)`);
  console.log(`cached GET /users/:id vs bare Fastify: ${(cached.rps / hello.rps).toFixed(2)}x (goal >= 0.40x), p99 ${ms(cached.p99)} (goal < 20 ms)`);
  console.log(`full server RSS: ${idle.toFixed(0)} MiB idle, ${Math.max(...rows.slice(1).map((r) => r.peak)).toFixed(0)} MiB peak under load`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  try {
    sh('svc_stop >/dev/null');
  } catch {
    // best effort: the services live in their own temp directory
  }
  rmSync(dir, { recursive: true, force: true });
}
