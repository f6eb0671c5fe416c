import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { bearer, createKey, userWithKey, withKey } from '../helpers/api-keys.js';
import { asAdmin } from '../helpers/auth.js';
import { captureLogs } from '../helpers/log-capture.js';

const ctx = useTestApp();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('API keys and their hashes never reach a log line or a response other than their creation', () => {
  it('through create, use, misuse, listing, revocation and use after revocation', async () => {
    const { lines, logger } = captureLogs('trace');
    const built = await ctx.build({ logger });
    // A real admin with a real key, so its own key goes through the real lookup too.
    const root = await userWithKey(asAdmin(built), built.app, 'root@example.com', 'admin');
    const secrets = [root.key.key];
    const bodies: string[] = [];
    const send = async (options: InjectOptions) => {
      const response = await built.app.inject(options);
      bodies.push(response.body);
      return response;
    };

    const created = await createKey(root.client, { name: 'leak check' });
    secrets.push(created.key);
    const key = created.key;
    expect((await send({ url: '/api/v1/users/me', headers: bearer(key) })).statusCode).toBe(200);
    expect((await send({ url: '/api/v1/users/me', headers: { 'x-api-key': key } })).statusCode).toBe(200);
    expect((await send({ url: `/api/v1/users/me?api_key=${key}` })).statusCode).toBe(400);
    expect((await send({ url: `/api/v1/users/me?key=${encodeURIComponent(key)}&x=1` })).statusCode).toBe(400);
    expect((await send({ url: `/api/v1/nothing-here?access_token=${key}` })).statusCode).toBe(404);
    expect((await send({ url: `/api/v1/users/${key}` })).statusCode).toBe(401);
    expect((await send({ url: '/api/v1/users/me', headers: bearer(`${key}x`) })).statusCode).toBe(401);
    expect((await send({ url: '/api/v1/api-keys', headers: bearer(root.key.key) })).statusCode).toBe(200);
    expect((await send({ method: 'DELETE', url: `/api/v1/api-keys/${created.id}`, headers: bearer(root.key.key) })).statusCode).toBe(204);
    expect((await send({ url: '/api/v1/users/me', headers: bearer(key) })).statusCode).toBe(401);
    expect((await withKey(built.app, key, 'x-api-key').inject({ url: '/api/v1/api-keys' })).statusCode).toBe(401);

    const log = lines.join('\n');
    // Not vacuous: the requests above were logged, the URLs that carried keys among them, redacted.
    expect(lines.filter((line) => line.includes('"incoming request"')).length).toBeGreaterThanOrEqual(11);
    expect(log).toContain('"url":"/api/v1/users/me?[REDACTED]"');
    expect(log).toContain('"url":"/api/v1/nothing-here?[REDACTED]"');
    expect(log).toContain('"url":"/api/v1/users/[REDACTED]"');
    for (const secret of secrets) {
      for (const text of [secret, encodeURIComponent(secret), secret.slice(12), sha256(secret)]) {
        expect(log).not.toContain(text);
        for (const body of bodies) expect(body).not.toContain(text);
      }
    }
  });
});
