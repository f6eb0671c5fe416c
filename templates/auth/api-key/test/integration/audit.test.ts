import { describe, expect, it } from 'vitest';
import { bearer, createKey, userWithKey } from '../helpers/api-keys.js';
import { useTestApp } from '../helpers/app.js';
import { captureAudit, expectNoSecrets } from '../helpers/audit-trail.js';
import { asAdmin } from '../helpers/auth.js';

const ctx = useTestApp();

describe('audit trail (--auth api-key): keys created and revoked', () => {
  it('records who issued or revoked which key under the request id, by id and display prefix, never the key', async () => {
    const logs = captureAudit();
    const built = await ctx.build({ logger: logs.logger });
    const root = await userWithKey(asAdmin(built), built.app, 'root@example.com', 'admin');
    const owner = await userWithKey(asAdmin(built), built.app, 'owner@example.com');

    const create = await root.client.inject({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'ci', userId: owner.user.id } });
    expect(create.statusCode).toBe(201);
    const created = create.json<{ data: { id: string; key: string; prefix: string } }>().data;
    expect(logs.of(create)).toEqual([
      expect.objectContaining({
        audit: true,
        level: 'info',
        event: 'auth.api_key.created',
        actor: root.user.id,
        target: owner.user.id,
        outcome: 'success',
        keyId: created.id,
        prefix: created.prefix,
        requestId: create.headers['x-request-id'],
      }),
    ]);
    // Using a key is no audit event (the access log has it); only issuing and revoking are.
    const used = await built.app.inject({ url: '/api/v1/users/me', headers: bearer(created.key) });
    expect(used.statusCode).toBe(200);
    expect(logs.of(used)).toEqual([]);

    const revoke = await root.client.inject({ method: 'DELETE', url: `/api/v1/api-keys/${created.id}` });
    expect(revoke.statusCode).toBe(204);
    expect(logs.of(revoke)).toEqual([
      expect.objectContaining({ level: 'info', event: 'auth.api_key.revoked', actor: root.user.id, keyId: created.id, outcome: 'success', requestId: revoke.headers['x-request-id'] }),
    ]);
    // Revoking a key that does not exist changes nothing: 404 and no event.
    const missing = await root.client.inject({ method: 'DELETE', url: `/api/v1/api-keys/${created.id.replace(/^.{8}/, '00000000')}` });
    expect(missing.statusCode).toBe(404);
    expect(logs.of(missing)).toEqual([]);

    const another = await createKey(root.client, { name: 'second' });
    expectNoSecrets(logs.lines, [root.key.key, owner.key.key, created.key, another.key].flatMap((key) => [key, key.slice(12)]));
    expect(logs.lines.length).toBeGreaterThan(logs.trail().length);
  });
});
