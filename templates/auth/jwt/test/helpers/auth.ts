import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Dependencies } from '../../src/app/dependencies.js';
import type { AppInstance } from '../../src/types/app.js';
import type { UserRole } from '../../src/types/user.js';

/**
 * Callers for tests (--auth jwt). `asAdmin` sends a bearer token the app itself signed for an admin
 * that exists only in the token, so it adds no row to the users table; `asUser` does the same for a
 * real user's id and role.
 */

export interface Client {
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

interface Target {
  app: AppInstance;
  deps: Dependencies;
}

export function asUser(target: Target, user: { id: string; role: UserRole }): Client {
  let token: Promise<string> | undefined;
  return {
    async inject(options) {
      token ??= target.deps.auth.accessTokens.sign({ id: user.id, role: user.role });
      return target.app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${await token}` } });
    },
  };
}

export function asAdmin(target: Target): Client {
  return asUser(target, { id: randomUUID(), role: 'admin' });
}
