import { expect } from 'vitest';
import type { CreateProjectResult } from '../../src/api/create-project.js';
import { bootServer, npmRun } from './harness.js';

export function expectAllStepsPassed(stdout: string): CreateProjectResult {
  const result = JSON.parse(stdout) as CreateProjectResult;
  const failed = result.steps.filter((s) => s.status !== 'passed');
  expect(failed, failed.map((s) => `${s.id}: ${s.detail ?? ''}`).join('\n')).toEqual([]);
  expect(result.steps.map((s) => s.id)).toEqual(['install', 'git', 'migrate', 'test']);
  return result;
}

export async function expectScriptPasses(script: string, cwd: string, env: Record<string, string | undefined>): Promise<string> {
  const result = await npmRun(script, cwd, env);
  expect(result.exitCode, `npm run ${script} failed:\n${result.all}`).toBe(0);
  return result.all;
}

type Env = Record<string, string | undefined>;

export type AuthMode = 'jwt' | 'session' | 'api-key' | 'none';
type Headers = Record<string, string>;

async function post(url: string, body: unknown, headers: Headers = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** `db:seed` with ADMIN_EMAIL in api-key mode prints the admin's first key once; returns it. */
export async function seedAdminKey(projectDir: string, env: Env): Promise<string> {
  const output = await expectScriptPasses('db:seed', projectDir, { ...env, ADMIN_EMAIL: 'admin@example.com' });
  const key = /sbk_[A-Za-z0-9_-]{43}/.exec(output)?.[0];
  expect(key, output).toBeDefined();
  return key!;
}

/** An admin creates the user and issues it a key (api-key mode has no sign-up). */
async function issueKey(baseUrl: string, adminKey: string, email: string): Promise<{ created: Response; headers: Headers }> {
  const admin = { 'x-api-key': adminKey };
  const created = await post(`${baseUrl}/api/v1/users`, { email, name: 'End To End' }, admin);
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = ((await created.clone().json()) as { data: { id: string } }).data;
  const issued = await post(`${baseUrl}/api/v1/api-keys`, { name: 'e2e', userId: id }, admin);
  expect(issued.status, await issued.clone().text()).toBe(201);
  const { key } = ((await issued.json()) as { data: { key: string } }).data;
  return { created, headers: { authorization: `Bearer ${key}` } };
}

/** Registers and logs in a new user the way a client of `mode` does; returns the user and its credentials. */
async function signUp(baseUrl: string, mode: 'jwt' | 'session', email: string): Promise<{ created: Response; headers: Headers }> {
  const credentials = { email, password: 'correct horse battery' };
  const created = await post(`${baseUrl}/api/v1/auth/register`, { ...credentials, name: 'End To End' });
  expect(created.status, await created.clone().text()).toBe(201);
  const login = await post(`${baseUrl}/api/v1/auth/login`, credentials);
  expect(login.status, await login.clone().text()).toBe(200);
  if (mode === 'jwt') {
    const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
    return { created, headers: { authorization: `Bearer ${token}` } };
  }
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
  expect(cookie).toBeTruthy();
  const csrf = await fetch(`${baseUrl}/api/v1/auth/csrf`, { headers: { cookie: cookie! } });
  expect(csrf.status, await csrf.clone().text()).toBe(200);
  const { csrfToken } = ((await csrf.json()) as { data: { csrfToken: string } }).data;
  return { created, headers: { cookie: cookie!, 'x-csrf-token': csrfToken } };
}

/**
 * A real round trip through the users API. With auth: register, log in, read itself with the
 * credentials, be refused the admin-only list, and without credentials get 401; without auth: create
 * and read a user.
 */
async function expectUsersRoundTrip(baseUrl: string, auth: AuthMode, adminKey?: string): Promise<void> {
  const email = `E2E-${Date.now()}@Example.com`;
  let headers: Headers = {};
  let created: Response;
  if (auth === 'none') {
    created = await post(`${baseUrl}/api/v1/users`, { email, name: 'End To End' });
    expect(created.status, await created.clone().text()).toBe(201);
  } else {
    ({ created, headers } = auth === 'api-key' ? await issueKey(baseUrl, adminKey!, email) : await signUp(baseUrl, auth, email));
    expect((await fetch(`${baseUrl}/api/v1/users`, { headers })).status).toBe(403);
    expect((await fetch(`${baseUrl}/api/v1/users/me`)).status).toBe(401);
    const me = await fetch(`${baseUrl}/api/v1/users/me`, { headers });
    expect(me.status, await me.clone().text()).toBe(200);
  }
  const user = ((await created.json()) as { data: { id: string; email: string } }).data;
  expect(user.email).toMatch(/^e2e-\d+@example\.com$/);
  const read = await fetch(`${baseUrl}/api/v1/users/${user.id}`, { headers });
  expect(read.status).toBe(200);
  expect(read.headers.get('x-request-id')).toBeTruthy();
  expect(read.headers.get('etag')).toBeTruthy();
  expect(read.headers.get('x-ratelimit-limit')).toBeTruthy();
}

/**
 * Boots the production build, checks readiness and the users API, then SIGTERM must exit 0. In api-key
 * mode the first admin and its key come from `db:seed` first, as a user would do it.
 */
export async function expectServerServes(projectDir: string, env: Env, auth: AuthMode): Promise<void> {
  const adminKey = auth === 'api-key' ? await seedAdminKey(projectDir, env) : undefined;
  const server = await bootServer(projectDir, env);
  try {
    const ready = await fetch(`${server.baseUrl}/health/ready`);
    expect(ready.status, server.output()).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
    await expectUsersRoundTrip(server.baseUrl, auth, adminKey);
  } finally {
    const code = await server.stop();
    expect(code, server.output()).toBe(0);
  }
}
