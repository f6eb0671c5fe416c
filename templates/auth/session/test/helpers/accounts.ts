import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { User } from '../../src/types/user.js';
import type { Client } from './auth.js';

/** Accounts with passwords and their sessions, made through the public auth API (--auth session). */

type Caller = Pick<Client, 'inject'>;

export const PASSWORD = 'correct horse battery staple';

export interface Session {
  user: User;
  /** `name=value`, ready for a Cookie header. */
  cookie: string;
  csrfToken: string;
}

export async function register(app: Caller, email: string, password = PASSWORD, name = email.split('@')[0] ?? 'x'): Promise<User> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password, name } });
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  return response.json<{ data: User }>().data;
}

/** The `name=value` of the first cookie a response sets (undefined when it sets none). */
export function setCookie(response: LightMyRequestResponse): string | undefined {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  return first?.split(';')[0];
}

/** Logs in and fetches the session's CSRF token, as a browser front end would. */
export async function login(app: Caller, email: string, password = PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = setCookie(response);
  if (cookie === undefined) throw new Error('login set no cookie');
  const csrf = await app.inject({ url: '/api/v1/auth/csrf', headers: { cookie } });
  if (csrf.statusCode !== 200) throw new Error(`csrf failed: ${csrf.statusCode} ${csrf.body}`);
  return { user: response.json<{ data: User }>().data, cookie, csrfToken: csrf.json<{ data: { csrfToken: string } }>().data.csrfToken };
}

/** A client that sends the session's cookie and CSRF token with every request. */
export function withSession(app: Caller, session: Pick<Session, 'cookie' | 'csrfToken'>): Client {
  return {
    inject: (options) => app.inject({ ...options, headers: { ...options.headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken } }),
  };
}

/** Headers that authenticate a read as `email`, after logging in (writes also need withSession's CSRF token). */
export async function loginHeaders(app: Caller, email: string, password = PASSWORD): Promise<Record<string, string>> {
  return { cookie: (await login(app, email, password)).cookie };
}

/** Headers with credentials of the right shape that this app never issued. */
export const forgedCredentials = (): Record<string, string> => ({ cookie: `sid=${randomBytes(32).toString('base64url')}` });
