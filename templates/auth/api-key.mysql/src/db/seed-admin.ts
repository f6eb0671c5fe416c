import { randomUUID } from 'node:crypto';
import { and, count, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Env } from '../config/env.js';
import { generateApiKey } from '../lib/auth/api-keys.js';
import type { Database } from '../lib/database.js';
import { DrizzleApiKeysRepository } from '../repositories/api-keys.repository.js';
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

  return database.db.transaction(async (tx) => {
    // ON DUPLICATE KEY UPDATE (a no-op) rather than INSERT IGNORE: it takes an exclusive lock on an existing
    // row, so two seeds running at once queue here, and the second sees the first one's key. (INSERT IGNORE's
    // shared lock, upgraded by FOR UPDATE below, would deadlock them.) The row is ours if it has our id.
    const id = randomUUID();
    await tx
      .insert(users)
      .values({ id, email, name: env.ADMIN_NAME, role: 'admin' })
      .onDuplicateKeyUpdate({ set: { email: sql`${users.email}` } });
    const [account] = await tx.select().from(users).where(eq(users.email, email)).for('update');
    const inserted = account?.id === id;
    if (!account) throw new Error(`seedAdmin: ${email} vanished inside its own transaction`);

    const [all] = await tx.select({ n: count() }).from(apiKeys).where(eq(apiKeys.userId, account.id));
    const [live] = await tx
      .select({ prefix: apiKeys.prefix })
      .from(apiKeys)
      .where(and(eq(apiKeys.userId, account.id), isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now))))
      .limit(1);

    const isActiveAdmin = account.role === 'admin' && account.status === 'active';
    if (isActiveAdmin && live) {
      return `Admin ${email} already exists and has a live API key (${live.prefix}…); no new key was created or shown.`;
    }
    if (!isActiveAdmin && (all?.n ?? 0) > 0) {
      return `Admin ${email} not changed: this account has API keys of its own (role ${account.role}, status ${account.status}).`;
    }
    if (!isActiveAdmin) await tx.update(users).set({ role: 'admin', status: 'active' }).where(eq(users.id, account.id));

    const { key, prefix, keyHash } = generateApiKey();
    await new DrizzleApiKeysRepository(tx).create({ userId: account.id, name: SEED_KEY_NAME, prefix, keyHash, createdAt: now, expiresAt: null });
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
  });
}
