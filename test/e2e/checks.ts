import { expect } from 'vitest';
import type { CreateProjectResult } from '../../src/api/create-project.js';
import { bootServer, npmRun } from './harness.js';

export function expectAllStepsPassed(stdout: string): CreateProjectResult {
  const result = JSON.parse(stdout) as CreateProjectResult;
  const failed = result.steps.filter((s) => s.status !== 'passed');
  expect(failed, failed.map((s) => `${s.id}: ${s.detail ?? ''}`).join('\n')).toEqual([]);
  expect(result.steps.map((s) => s.id)).toEqual(['git', 'install', 'migrate', 'test']);
  return result;
}

export async function expectScriptPasses(script: string, cwd: string, env: Record<string, string | undefined>): Promise<string> {
  const result = await npmRun(script, cwd, env);
  expect(result.exitCode, `npm run ${script} failed:\n${result.all}`).toBe(0);
  return result.all;
}

type Env = Record<string, string | undefined>;

async function post(url: string, body: unknown, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/**
 * A real round trip through the users API. With auth: register, log in, read itself with the access
 * token, and be refused the admin-only list; without: create and read a user.
 */
async function expectUsersRoundTrip(baseUrl: string, auth: 'jwt' | 'none'): Promise<void> {
  const email = `E2E-${Date.now()}@Example.com`;
  let token: string | undefined;
  let created: Response;
  if (auth === 'jwt') {
    created = await post(`${baseUrl}/api/v1/auth/register`, { email, password: 'correct horse battery', name: 'End To End' });
    expect(created.status, await created.clone().text()).toBe(201);
    const login = await post(`${baseUrl}/api/v1/auth/login`, { email, password: 'correct horse battery' });
    expect(login.status, await login.clone().text()).toBe(200);
    token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
    expect((await fetch(`${baseUrl}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    expect((await fetch(`${baseUrl}/api/v1/users/me`)).status).toBe(401);
  } else {
    created = await post(`${baseUrl}/api/v1/users`, { email, name: 'End To End' });
    expect(created.status, await created.clone().text()).toBe(201);
  }
  const user = ((await created.json()) as { data: { id: string; email: string } }).data;
  expect(user.email).toMatch(/^e2e-\d+@example\.com$/);
  const read = await fetch(`${baseUrl}/api/v1/users/${user.id}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  expect(read.status).toBe(200);
  expect(read.headers.get('x-request-id')).toBeTruthy();
  expect(read.headers.get('etag')).toBeTruthy();
  expect(read.headers.get('x-ratelimit-limit')).toBeTruthy();
}

/** Boots the production build, checks readiness and the users API, then SIGTERM must exit 0. */
export async function expectServerServes(projectDir: string, env: Env, auth: 'jwt' | 'none'): Promise<void> {
  const server = await bootServer(projectDir, env);
  try {
    const ready = await fetch(`${server.baseUrl}/health/ready`);
    expect(ready.status, server.output()).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
    await expectUsersRoundTrip(server.baseUrl, auth);
  } finally {
    const code = await server.stop();
    expect(code, server.output()).toBe(0);
  }
}
