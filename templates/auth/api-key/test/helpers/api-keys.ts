import type { CreatedApiKey } from '../../src/types/api-key.js';
import type { User } from '../../src/types/user.js';
import type { Client } from './auth.js';
import { createUser } from './users.js';

/** Real users with real keys, made through the public API (--auth api-key). */

type Caller = Pick<Client, 'inject'>;

export async function createKey(
  client: Caller,
  body: { name?: string; userId?: string; expiresAt?: string } = {},
): Promise<CreatedApiKey> {
  const response = await client.inject({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'test key', ...body } });
  if (response.statusCode !== 201) throw new Error(`create key failed: ${response.statusCode} ${response.body}`);
  return response.json<{ data: CreatedApiKey }>().data;
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A client that sends `key` with every request, as a bearer token or in x-api-key. */
export function withKey(app: Caller, key: string, header: 'bearer' | 'x-api-key' = 'bearer'): Client {
  const credentials = header === 'bearer' ? bearer(key) : { 'x-api-key': key };
  return { inject: (options) => app.inject({ ...options, headers: { ...options.headers, ...credentials } }) };
}

/** A users row with `role` and a key of its own, made by `admin` (ctx.admin). */
export async function userWithKey(
  admin: Caller,
  app: Caller,
  email: string,
  role: 'user' | 'admin' = 'user',
): Promise<{ user: User; key: CreatedApiKey; client: Client }> {
  const user = await createUser(admin, { email, name: email.split('@')[0] ?? 'x', role });
  const key = await createKey(admin, { userId: user.id });
  return { user, key, client: withKey(app, key.key) };
}
