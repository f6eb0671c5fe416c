import type { Env } from '../config/env.js';
import { Argon2PasswordHasher, type PasswordHasher } from '../lib/auth/passwords.js';
import type { Database } from '../lib/database.js';
import { DrizzleCredentialsRepository } from '../repositories/credentials.repository.js';
import { DrizzleUsersRepository } from '../repositories/users.repository.js';

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
  const passwordHash = await passwords.hash(password);

  return database.db.transaction(async (tx) => {
    const credentials = new DrizzleCredentialsRepository(tx);
    const existing = await credentials.findByEmail(email);
    if (existing === null) {
      await credentials.createWithPassword({ email, name: 'Admin', role: 'admin' }, passwordHash);
      return `Created the first admin ${email}.`;
    }
    if (existing.passwordHash !== null) {
      return `Admin ${email} not changed: an account with this email already has a password (role ${existing.role}).`;
    }
    await credentials.setPasswordHash(existing.id, passwordHash);
    await new DrizzleUsersRepository(tx).update(existing.id, { role: 'admin', status: 'active' });
    return `Set the password of the existing account ${email} and made it an admin.`;
  });
}
