import { and, count, eq, gt, isNull, or } from 'drizzle-orm';
import type { Env } from '../config/env.js';
import { generateApiKey } from '../lib/auth/api-keys.js';
import type { Database } from '../lib/database.js';
import { withSecretParams } from '../repositories/secret-safe.js';
import { systemClock, type Clock } from '../types/auth.js';
import { apiKeys } from './api-key-schema.js';
import { users } from './schema.js';

/**
 * The first admin (--auth api-key), from ADMIN_EMAIL (and ADMIN_NAME); part of `npm run db:seed`.
 * There are no passwords in this mode: the admin gets an API key, printed once, here, and never again
 * (only its hash is stored). Idempotent: an admin that already has a live key gets nothing new. An
 * existing account that never had a key (e.g. a sample user) is made an admin, as jwt mode claims an
 * account that has no password yet; an account with keys of its own is never changed.
 * Returns the text to print.
 */

const SEED_KEY_NAME = 'First admin key (npm run db:seed)';

export async function seedAdmin(
  database: Database,
  env: Pick<Env, 'ADMIN_EMAIL' | 'ADMIN_NAME'>,
  clock: Clock = systemClock,
): Promise<string | null> {
  const email = env.ADMIN_EMAIL;
  if (email === undefined) return 'No admin created: set ADMIN_EMAIL to create the first admin and its API key.';
  const now = new Date(clock.now());

  // Synchronous and IMMEDIATE (the write lock from the start): two seeds at once, in this process or
  // another, run one after the other, and the second sees the first one's key. The key hash is a
  // parameter: errors must not quote it (withSecretParams).
  return withSecretParams(async () =>
    database.db.transaction(
      (tx) => {
        const inserted = tx
          .insert(users)
          .values({ email, name: env.ADMIN_NAME, role: 'admin', createdAt: now, updatedAt: now })
          .onConflictDoNothing({ target: users.email })
          .returning({ id: users.id })
          .get();
        const account = tx.select().from(users).where(eq(users.email, email)).get();
        if (!account) throw new Error(`seedAdmin: ${email} vanished inside its own transaction`);

        const all = tx.select({ n: count() }).from(apiKeys).where(eq(apiKeys.userId, account.id)).get();
        const live = tx
          .select({ prefix: apiKeys.prefix })
          .from(apiKeys)
          .where(and(eq(apiKeys.userId, account.id), isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now))))
          .get();

        const isActiveAdmin = account.role === 'admin' && account.status === 'active';
        if (isActiveAdmin && live) {
          return `Admin ${email} already exists and has a live API key (${live.prefix}…); no new key was created or shown.`;
        }
        if (!isActiveAdmin && (all?.n ?? 0) > 0) {
          return `Admin ${email} not changed: this account has API keys of its own (role ${account.role}, status ${account.status}).`;
        }
        if (!isActiveAdmin) tx.update(users).set({ role: 'admin', status: 'active', updatedAt: now }).where(eq(users.id, account.id)).run();

        const { key, prefix, keyHash } = generateApiKey();
        tx.insert(apiKeys).values({ userId: account.id, name: SEED_KEY_NAME, prefix, keyHash, createdAt: now, expiresAt: null }).run();
        const what = inserted
          ? `Created the first admin ${email}`
          : isActiveAdmin
            ? `Admin ${email} already exists but had no live API key`
            : `Made the existing account ${email} an admin`;
        return [
          `${what}. Its API key (${prefix}…):`,
          '',
          `  ${key}`,
          '',
          'Store it now: it will not be shown again. Send it as `Authorization: Bearer <key>` or `x-api-key: <key>`.',
        ].join('\n');
      },
      { behavior: 'immediate' },
    ),
  );
}
