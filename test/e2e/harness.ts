import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { startProcess, type RunningProcess } from './processes.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const createBin = join(repoRoot, 'bin/create-solid-backend.js');
const solidBin = join(repoRoot, 'bin/solid-backend.js');

/** The child environment: ours, minus anything that would point a generated project at a server. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, CI: 'true', NO_COLOR: '1' };
  delete env['DATABASE_URL'];
  delete env['REDIS_URL'];
  return { ...env, ...extra };
}

export function workDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `csb-e2e-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  exitCode: number | undefined;
  stdout: string;
  /** stdout and stderr interleaved, for failure messages. */
  all: string;
}

async function run(file: string, args: string[], cwd: string, env: Record<string, string | undefined>): Promise<RunResult> {
  const result = await execa(file, args, { cwd, env, extendEnv: false, reject: false, all: true, stdin: 'ignore' });
  return { exitCode: result.exitCode, stdout: result.stdout, all: result.all };
}

export async function runCli(args: string[], cwd: string, env = cleanEnv()): Promise<RunResult> {
  return run('node', [createBin, ...args], cwd, env);
}

/** `solid-backend <args>`, the tool used inside a generated project. */
export async function runSolid(args: string[], cwd: string, env = cleanEnv()): Promise<RunResult> {
  return run('node', [solidBin, ...args], cwd, env);
}

/** Commits everything, as a user does between two `solid-backend` changes (add refuses a dirty tree). */
export async function commitAll(cwd: string, message: string): Promise<void> {
  const identity = ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid'];
  await execa('git', ['add', '--all'], { cwd });
  await execa('git', [...identity, 'commit', '--quiet', '--no-verify', '-m', message], { cwd });
}

export async function npmRun(script: string, cwd: string, env = cleanEnv()): Promise<RunResult> {
  return run('npm', ['run', script], cwd, env);
}

/** A fresh database on the shared server, so e2e projects never see each other's tables. */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  await execa('psql', [admin.toString(), '-v', 'ON_ERROR_STOP=1', '-c', `DROP DATABASE IF EXISTS "${name}"`, '-c', `CREATE DATABASE "${name}"`]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new empty database on a MariaDB/MySQL server (with the `mariadb` client), as a URL. */
export async function freshMysqlDatabase(serverUrl: string, name: string): Promise<string> {
  const server = new URL(serverUrl);
  await execa('mariadb', [
    '--no-defaults',
    `--host=${server.hostname}`,
    `--port=${server.port}`,
    `--user=${decodeURIComponent(server.username)}`,
    `--password=${decodeURIComponent(server.password)}`,
    '-e',
    `DROP DATABASE IF EXISTS \`${name}\`; CREATE DATABASE \`${name}\``,
  ]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface BootedServer extends RunningProcess {
  baseUrl: string;
}

/** Starts the built server and waits until /health/live answers (at most 30 s). */
export async function bootServer(projectDir: string, env: Record<string, string | undefined>): Promise<BootedServer> {
  const port = await freePort();
  const server = startProcess('node', ['dist/index.js'], projectDir, { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode() !== null) throw new Error(`server exited with ${server.exitCode()} before answering:\n${server.output()}`);
    try {
      if ((await fetch(`${baseUrl}/health/live`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer within 30 s:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { ...server, baseUrl };
}
