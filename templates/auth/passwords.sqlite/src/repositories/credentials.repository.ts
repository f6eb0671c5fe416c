import { eq } from 'drizzle-orm';
import { userCredentials } from '../db/auth-schema.js';
import { users } from '../db/schema.js';
import type { Db } from '../lib/database.js';
import type { Account, CredentialsRepository } from '../types/auth.js';
import type { NewUser, User } from '../types/user.js';
import { ConflictError } from '../utils/errors.js';
import { withSecretParams } from './secret-safe.js';
import { isUniqueViolation } from './sqlite-errors.js';

/** Password hashes on `users`. Only this repository reads or writes the password_hash column. */

const accountColumns = {
  id: users.id,
  role: users.role,
  status: users.status,
  passwordHash: userCredentials.passwordHash,
};

export class DrizzleCredentialsRepository implements CredentialsRepository {
  constructor(private readonly db: Db) {}

  async findByEmail(email: string): Promise<Account | null> {
    const row = await withSecretParams(async () => this.db.select(accountColumns).from(users).where(eq(users.email, email)).get());
    return row ?? null;
  }

  async findById(id: string): Promise<Account | null> {
    const row = await withSecretParams(async () => this.db.select(accountColumns).from(users).where(eq(users.id, id)).get());
    return row ?? null;
  }

  async createWithPassword(user: NewUser, passwordHash: string): Promise<User> {
    const now = new Date();
    try {
      // Synchronous, like every better-sqlite3 transaction: the user and its password land together.
      const row = await withSecretParams(async () =>
        this.db.transaction((tx) => {
          const inserted = tx
            .insert(users)
            .values({ email: user.email, name: user.name, ...(user.role ? { role: user.role } : {}), createdAt: now, updatedAt: now })
            .returning()
            .get();
          tx.update(userCredentials).set({ passwordHash }).where(eq(userCredentials.id, inserted.id)).run();
          return inserted;
        }),
      );
      return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_unique')) {
        throw new ConflictError('A user with this email already exists', [{ field: 'email', message: 'is already in use' }]);
      }
      throw error;
    }
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await withSecretParams(async () => this.db.update(userCredentials).set({ passwordHash }).where(eq(userCredentials.id, userId)).run());
  }
}
