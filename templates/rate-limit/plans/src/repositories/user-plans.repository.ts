import { eq } from 'drizzle-orm';
import { userPlans } from '../db/plan-schema.js';
import type { Db } from '../lib/database.js';
import type { Plan } from '../lib/rate-limit/config.js';

/** users.plan (migrations/0006_user_plans): the same statements on every database. */
export class DrizzleUserPlansRepository {
  constructor(private readonly db: Db) {}

  /** The account's plan; null when there is no such account. */
  async planOf(userId: string): Promise<Plan | null> {
    const [row] = await this.db.select({ plan: userPlans.plan }).from(userPlans).where(eq(userPlans.id, userId)).limit(1);
    return row?.plan ?? null;
  }

  async setPlan(userId: string, plan: Plan): Promise<void> {
    await this.db.update(userPlans).set({ plan }).where(eq(userPlans.id, userId));
  }
}
