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
  // One statement, so the seed lands whole or not at all. INSERT IGNORE skips the rows whose email exists
  // (it would also skip other failing rows, but these are fixed, valid values), and its affected-row
  // count is exactly the number inserted.
  const [result] = await database.db.insert(users).ignore().values(SEED_USERS);
  return result.affectedRows;
}
