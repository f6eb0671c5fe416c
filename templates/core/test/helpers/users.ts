import type { AppInstance } from '../../src/types/app.js';
import type { User } from '../../src/types/user.js';

interface Envelope<T> {
  success: boolean;
  data: T;
  pagination?: Record<string, unknown>;
}

export async function createUser(
  app: AppInstance,
  body: { email: string; name: string; role?: 'user' | 'admin' },
): Promise<User> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/users', payload: body });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json<Envelope<User>>().data;
}

export async function createUsers(app: AppInstance, names: string[]): Promise<User[]> {
  const users: User[] = [];
  // Sequential, a few ms apart: created_at (millisecond precision) then strictly follows the order of `names`,
  // so tests can assert the default newest-first order without relying on the id tie-breaker.
  for (const name of names) {
    if (users.length > 0) await new Promise((resolve) => setTimeout(resolve, 3));
    users.push(await createUser(app, { email: `${name}@example.com`, name }));
  }
  return users;
}
