import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { userCredentials } from '../db/auth-schema.js';
import { users } from '../db/schema.js';
import type { Db } from '../lib/database.js';
import type { Account, CredentialsRepository } from '../types/auth.js';
import type { NewUser, User } from '../types/user.js';
import { ConflictError } from '../utils/errors.js';
import { isUniqueViolation } from './mysql-errors.js';
import { withSecretParams } from './secret-safe.js';

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
    const [row] = await withSecretParams(() => this.db.select(accountColumns).from(users).where(eq(users.email, email)).limit(1));
    return row ?? null;
  }

  async findById(id: string): Promise<Account | null> {
    const [row] = await withSecretParams(() => this.db.select(accountColumns).from(users).where(eq(users.id, id)).limit(1));
    return row ?? null;
  }

  async createWithPassword(user: NewUser, passwordHash: string): Promise<User> {
    const id = randomUUID();
    try {
      const row = await withSecretParams(() =>
        this.db.transaction(async (tx) => {
          // No RETURNING in MySQL: the id is chosen here, and the row read back in the same transaction.
          await tx.insert(users).values({ id, email: user.email, name: user.name, ...(user.role ? { role: user.role } : {}) });
          await tx.update(userCredentials).set({ passwordHash }).where(eq(userCredentials.id, id));
          const [inserted] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
          if (!inserted) throw new Error('INSERT did not leave a row to read back');
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
    await withSecretParams(() => this.db.update(userCredentials).set({ passwordHash }).where(eq(userCredentials.id, userId)));
  }
}
