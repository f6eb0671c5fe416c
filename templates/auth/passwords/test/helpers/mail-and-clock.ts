import type { useTestApp } from './app.js';
import { FakeClock } from './clock.js';
import { MemoryEmailSender } from './memory-email.js';

/** An app on the test file's database with a controllable clock and an in-memory mailbox. */
export async function appWithMailAndClock(ctx: ReturnType<typeof useTestApp>) {
  const email = new MemoryEmailSender();
  const clock = new FakeClock();
  const { app } = await ctx.build({ deps: { auth: { email, clock } } });
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url: `/api/v1/auth/${url}`, payload });
  return { app, email, clock, post };
}
