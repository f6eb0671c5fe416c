import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { userCredentials } from '../../src/db/auth-schema.js';
import { useTestApp } from '../helpers/app.js';
import { PASSWORD, register } from '../helpers/accounts.js';

// Registration and the refused logins behave the same whatever keeps a caller logged in (jwt or
// session); what a successful login returns is the mode's, in auth.test.ts.
// Auth routes have a strict rate limit of their own; these tests are about the flows, not the limit.
const ctx = useTestApp({ env: { AUTH_RATE_LIMIT_MAX: '10000' } });

const post = (url: string, payload: object) => ctx.app.inject({ method: 'POST', url: `/api/v1/auth/${url}`, payload });

describe('POST /api/v1/auth/register', () => {
  it('creates a plain user (201), normalising the email, without ever returning the hash', async () => {
    const response = await post('register', { email: '  Ada@Example.COM ', password: PASSWORD, name: 'Ada' });
    expect(response.statusCode).toBe(201);
    const user = response.json().data;
    expect(user).toMatchObject({ email: 'ada@example.com', name: 'Ada', role: 'user', status: 'active' });
    expect(Object.keys(user).sort()).toEqual(['createdAt', 'email', 'id', 'name', 'role', 'status', 'updatedAt']);
    expect(response.body).not.toMatch(/argon2|password/i);

    const [stored] = await ctx.testDb.database.db.select().from(userCredentials).where(eq(userCredentials.id, user.id));
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain(PASSWORD);
  });

  it('answers 409 for a taken email, whatever its case', async () => {
    await register(ctx.app, 'grace@example.com');
    const response = await post('register', { email: 'GRACE@example.com', password: PASSWORD, name: 'G' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONFLICT');
  });

  it.each([
    [{ email: 'a@example.com', password: 'short', name: 'A' }, 'password'],
    [{ email: 'a@example.com', password: 'x'.repeat(101), name: 'A' }, 'password'],
    [{ email: 'nope', password: PASSWORD, name: 'A' }, 'email'],
    [{ email: 'a@example.com', password: PASSWORD, name: 'A', role: 'admin' }, 'role'],
  ])('refuses %j naming %s (no self-made admins)', async (payload, field) => {
    const response = await post('register', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

describe('POST /api/v1/auth/login: refusals', () => {
  it('gives an unknown email and a wrong password the very same 401 INVALID_CREDENTIALS', async () => {
    await register(ctx.app, 'known@example.com');
    const wrong = await post('login', { email: 'known@example.com', password: 'not-the-password' });
    const unknown = await post('login', { email: 'nobody@example.com', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ success: false, error: { code: 'INVALID_CREDENTIALS', message: 'Invalid email or password' } });
    expect(unknown.body).toBe(wrong.body);
  });

  it('spends the hashing time for an unknown email too (a dummy Argon2 check)', async () => {
    await register(ctx.app, 'timed@example.com');
    const time = async (email: string) => {
      const started = performance.now();
      await post('login', { email, password: 'not-the-password' });
      return performance.now() - started;
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Interleaved, so load on the machine hits both series alike; 4 stays under the lockout threshold.
    for (let i = 0; i < 4; i += 1) {
      unknown.push(await time(`ghost${i}@example.com`));
      wrong.push(await time('timed@example.com'));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    // Without the dummy check an unknown email answers in a fraction of the time (no Argon2 at all).
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.4);
  });

  it('refuses a suspended account with 403 even with the right password', async () => {
    const user = await register(ctx.app, 'suspended@example.com');
    await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { status: 'suspended' } });
    const response = await post('login', { email: 'suspended@example.com', password: PASSWORD });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });

  it('refuses an account created without a password (POST /users) as invalid credentials', async () => {
    await ctx.admin.inject({ method: 'POST', url: '/api/v1/users', payload: { email: 'invited@example.com', name: 'Invited' } });
    const response = await post('login', { email: 'invited@example.com', password: PASSWORD });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
  });
});
