import type { Database } from '../lib/database.js';
import type { NewUser } from '../types/user.js';
import { users } from './schema.js';

/** Sample data for development. Safe to run any number of times: existing emails are left alone. */
export const SEED_USERS: Required<NewUser>[] = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
  { email: 'grace@example.com', name: 'Grace Hopper', role: 'user' },
  { email: 'alan@example.com', name: 'Alan Turing', role: 'user' },
  { email: 'barbara@example.com', name: 'Barbara Liskov', role: 'user' },
];

/** Returns how many users were inserted (0 on a re-run). */
export async function seed(database: Database): Promise<number> {
  const now = new Date();
  // One statement: the seed lands whole or not at all.
  const inserted = database.db
    .insert(users)
    .values(SEED_USERS.map((user) => ({ ...user, createdAt: now, updatedAt: now })))
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id })
    .all();
  return inserted.length;
}
