import { randomUUID } from 'node:crypto';
import type { TokenPair } from '../../src/types/tokens.js';
import type { User } from '../../src/types/user.js';
import type { Client } from './auth.js';

/** Accounts with passwords, made through the public auth API (--auth jwt). */

type Caller = Pick<Client, 'inject'>;

export const PASSWORD = 'correct horse battery staple';

export async function register(app: Caller, email: string, password = PASSWORD, name = email.split('@')[0] ?? 'x'): Promise<User> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password, name } });
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  return response.json<{ data: User }>().data;
}

export async function login(app: Caller, email: string, password = PASSWORD): Promise<TokenPair> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return response.json<{ data: TokenPair }>().data;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A client that sends `token` with every request. */
export function withToken(app: Caller, token: string): Client {
  return { inject: (options) => app.inject({ ...options, headers: { ...options.headers, ...bearer(token) } }) };
}

/** Headers that authenticate a request as `email`, after logging in. */
export async function loginHeaders(app: Caller, email: string, password = PASSWORD): Promise<Record<string, string>> {
  return bearer((await login(app, email, password)).access_token);
}

/** Headers with credentials of the right shape that this app never issued. */
export const forgedCredentials = (): Record<string, string> => bearer(randomUUID());
