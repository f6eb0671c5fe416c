import type { Env } from '../config/env.js';
import type { Database } from '../lib/database.js';

/**
 * The first admin (--auth none): no account has credentials, so there is none to create and
 * `npm run db:seed` prints nothing about it.
 */
export async function seedAdmin(_database: Database, _env: Env): Promise<string | null> {
  return null;
}
