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

/**
 * Boots the production build, checks readiness and one real round trip through the users API, then
 * stops it with SIGTERM and expects a clean exit.
 */
export async function expectServerServes(projectDir: string, env: Record<string, string | undefined>): Promise<void> {
  const server = await bootServer(projectDir, env);
  try {
    const ready = await fetch(`${server.baseUrl}/health/ready`);
    expect(ready.status, server.output()).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });

    const created = await fetch(`${server.baseUrl}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `E2E-${Date.now()}@Example.com`, name: 'End To End' }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const user = ((await created.json()) as { data: { id: string; email: string } }).data;
    expect(user.email).toMatch(/^e2e-\d+@example\.com$/);

    const read = await fetch(`${server.baseUrl}/api/v1/users/${user.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('x-request-id')).toBeTruthy();
    expect(read.headers.get('etag')).toBeTruthy();
  } finally {
    const code = await server.stop();
    expect(code, server.output()).toBe(0);
  }
}
