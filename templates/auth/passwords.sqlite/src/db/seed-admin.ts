import { eq } from 'drizzle-orm';
import type { Env } from '../config/env.js';
import { Argon2PasswordHasher, type PasswordHasher } from '../lib/auth/passwords.js';
import type { Database } from '../lib/database.js';
import { withSecretParams } from '../repositories/secret-safe.js';
import { userCredentials } from './auth-schema.js';
import { users } from './schema.js';

/**
 * The first admin (--auth jwt), from ADMIN_EMAIL and ADMIN_PASSWORD; part of `npm run db:seed`.
 * Idempotent: an account that already has a password is never changed. An existing account without
 * one (e.g. a sample user) gets the password and the admin role. Returns the line to print.
 */
export async function seedAdmin(
  database: Database,
  env: Pick<Env, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD'>,
  passwords: PasswordHasher = new Argon2PasswordHasher(),
): Promise<string | null> {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = env;
  if (email === undefined || password === undefined) {
    const missing = [email === undefined ? 'ADMIN_EMAIL' : '', password === undefined ? 'ADMIN_PASSWORD' : ''].filter(Boolean);
    return `No admin created: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin (${missing.join(' and ')} unset).`;
  }
  // Hashed before the transaction: better-sqlite3 transactions are synchronous and cannot await.
  const passwordHash = await passwords.hash(password);
  const now = new Date();

  // IMMEDIATE takes the write lock at once, so a seed run by another process at the same time waits and
  // then sees this one's admin. The hash is a parameter: errors must not quote it (withSecretParams).
  return withSecretParams(async () =>
    database.db.transaction(
      (tx) => {
        const existing = tx
          .select({ id: users.id, role: users.role, passwordHash: userCredentials.passwordHash })
          .from(users)
          .where(eq(users.email, email))
          .get();
        if (existing === undefined) {
          const created = tx
            .insert(users)
            .values({ email, name: 'Admin', role: 'admin', createdAt: now, updatedAt: now })
            .returning({ id: users.id })
            .get();
          tx.update(userCredentials).set({ passwordHash }).where(eq(userCredentials.id, created.id)).run();
          return `Created the first admin ${email}.`;
        }
        if (existing.passwordHash !== null) {
          return `Admin ${email} not changed: an account with this email already has a password (role ${existing.role}).`;
        }
        tx.update(userCredentials).set({ passwordHash }).where(eq(userCredentials.id, existing.id)).run();
        tx.update(users).set({ role: 'admin', status: 'active', updatedAt: now }).where(eq(users.id, existing.id)).run();
        return `Set the password of the existing account ${email} and made it an admin.`;
      },
      { behavior: 'immediate' },
    ),
  );
}
