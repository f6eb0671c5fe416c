import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { captureAudit } from '../helpers/audit-trail.js';
import { asAdmin, asUser } from '../helpers/auth.js';
import { createUser } from '../helpers/users.js';

// Role changes are audited the same way in every auth mode: real users calling with the mode's credentials.
const ctx = useTestApp();

describe('audit trail: role changes (PATCH /api/v1/users/:id)', () => {
  it('records who changed whose role, from what to what, under the request id of the change, and nothing else', async () => {
    const logs = captureAudit();
    const built = await ctx.build({ logger: logs.logger });
    const bootstrap = asAdmin(built);
    const boss = await createUser(bootstrap, { email: 'boss@example.com', name: 'Boss', role: 'admin' });
    const eve = await createUser(bootstrap, { email: 'eve@example.com', name: 'Eve' });
    const mallory = await createUser(bootstrap, { email: 'mallory@example.com', name: 'Mallory' });
    const asBoss = asUser(built, boss);
    const patch = (client: typeof asBoss, id: string, payload: object) => client.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, payload });

    const promoted = await patch(asBoss, eve.id, { role: 'admin' });
    expect(promoted.statusCode).toBe(200);
    expect(logs.of(promoted)).toEqual([
      expect.objectContaining({
        audit: true,
        level: 'info',
        event: 'user.role.changed',
        actor: boss.id,
        target: eve.id,
        outcome: 'success',
        from: 'user',
        to: 'admin',
        requestId: promoted.headers['x-request-id'],
      }),
    ]);

    // The same role again, a rename, a refused self-promotion: no role changed, so no event.
    const again = await patch(asBoss, eve.id, { role: 'admin' });
    const renamed = await patch(asBoss, eve.id, { name: 'Eve A.' });
    const refused = await patch(asUser(built, mallory), mallory.id, { role: 'admin' });
    expect([again.statusCode, renamed.statusCode, refused.statusCode]).toEqual([200, 200, 403]);
    for (const response of [again, renamed, refused]) expect(logs.of(response)).toEqual([]);

    const demoted = await patch(asBoss, eve.id, { role: 'user', name: 'Eve' });
    expect(logs.of(demoted)).toEqual([expect.objectContaining({ event: 'user.role.changed', actor: boss.id, target: eve.id, from: 'admin', to: 'user' })]);
    expect(logs.trail().filter((record) => record.event === 'user.role.changed')).toHaveLength(2);
  });
});
