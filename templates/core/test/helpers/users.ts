import type { User } from '../../src/types/user.js';
import type { Client } from './auth.js';

interface Envelope<T> {
  success: boolean;
  data: T;
  pagination?: Record<string, unknown>;
}

/** Creates a user through the API; `client` must be allowed to (an admin, see ctx.admin). */
export async function createUser(
  client: Client,
  body: { email: string; name: string; role?: 'user' | 'admin' },
): Promise<User> {
  const response = await client.inject({ method: 'POST', url: '/api/v1/users', payload: body });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json<Envelope<User>>().data;
}

export async function createUsers(client: Client, names: string[]): Promise<User[]> {
  const users: User[] = [];
  // Sequential, a few ms apart: created_at (millisecond precision) then strictly follows the order of `names`,
  // so tests can assert the default newest-first order without relying on the id tie-breaker.
  for (const name of names) {
    if (users.length > 0) await new Promise((resolve) => setTimeout(resolve, 3));
    users.push(await createUser(client, { email: `${name}@example.com`, name }));
  }
  return users;
}
