import { eq } from 'drizzle-orm';
import { sessions } from '../db/session-schema.js';
import type { Db } from '../lib/database.js';

/** Ends every login of a user (session: deletes its sessions); each auth mode ships its own version. */
export async function revokeLogins(db: Db, userId: string, _now: Date): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
