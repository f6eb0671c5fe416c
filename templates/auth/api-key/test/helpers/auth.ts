import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Dependencies } from '../../src/app/dependencies.js';
import { apiKeys } from '../../src/db/api-key-schema.js';
import { generateApiKey } from '../../src/lib/auth/api-keys.js';
import type { ApiKeyCaller } from '../../src/types/api-key.js';
import type { AppInstance } from '../../src/types/app.js';
import type { UserRole } from '../../src/types/user.js';

/**
 * Callers for tests (--auth api-key).
 *
 * `asUser` is a real users row: before every request it inserts a fresh api_keys row for that user and
 * sends the key as a bearer token, so the request goes through the app's real lookup (hash, join on
 * users, status, the role the row has now: the `role` argument is not used). A fresh key per request,
 * because each test empties every table, and an admin may suspend or delete the user between requests.
 *
 * `asAdmin` is the admin of the core tests, which must NOT be a users row: the users tests count and list
 * rows. api_keys.user_id references users, and the lookup joins users and requires an active account,
 * so no key row can stand for it. Its key is vouched for here instead: the first time a helper meets an
 * app, it wraps that app's `deps.auth.apiKeys.authenticate` so that keys this helper minted for admins
 * that exist only in tests resolve to them, and every other key goes to the real lookup unchanged. Tests
 * of API keys themselves use real users and real keys (test/helpers/api-keys.ts).
 */

export interface Client {
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

interface Target {
  app: AppInstance;
  deps: Dependencies;
}

// Per app (its ApiKeysService): keys minted for admins that exist only in tests.
const vouched = new WeakMap<Dependencies['auth']['apiKeys'], Map<string, ApiKeyCaller>>();

function vouchedKeys(deps: Dependencies): Map<string, ApiKeyCaller> {
  const service = deps.auth.apiKeys;
  let keys = vouched.get(service);
  if (keys === undefined) {
    const known = new Map<string, ApiKeyCaller>();
    const authenticate = service.authenticate.bind(service);
    service.authenticate = async (key) => known.get(key) ?? authenticate(key);
    vouched.set(service, known);
    keys = known;
  }
  return keys;
}

const withKey = (options: InjectOptions, key: string): InjectOptions => ({
  ...options,
  headers: { ...options.headers, authorization: `Bearer ${key}` },
});

export function asUser(target: Target, user: { id: string; role: UserRole }): Client {
  return {
    async inject(options) {
      const { key, prefix, keyHash } = generateApiKey();
      await target.deps.database.db.insert(apiKeys).values({ userId: user.id, name: 'test', prefix, keyHash });
      return target.app.inject(withKey(options, key));
    },
  };
}

export function asAdmin(target: Target): Client {
  const { key } = generateApiKey();
  vouchedKeys(target.deps).set(key, { keyId: randomUUID(), userId: randomUUID(), role: 'admin', lastUsedAt: null });
  return { inject: (options) => target.app.inject(withKey(options, key)) };
}
