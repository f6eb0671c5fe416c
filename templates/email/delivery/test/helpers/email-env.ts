import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What the email feature adds to test environments: without SMTP_URL, emails (a welcome email for every
 * user a test creates) go to an outbox folder in the system's temporary directory, not into the
 * project's .data/outbox. Tests that read the outbox give themselves a fresh folder.
 */
export function emailTestEnv(): Record<string, string> {
  return { EMAIL_OUTBOX_DIR: join(tmpdir(), `test-outbox-${process.pid}`) };
}

/** Production requires SMTP_URL and MAIL_FROM; nothing listens on port 1, so nothing is ever delivered. */
export function emailProductionEnv(): Record<string, string> {
  return { SMTP_URL: 'smtp://127.0.0.1:1', MAIL_FROM: 'Tests <no-reply@example.com>' };
}

/**
 * For a test app whose emails must be delivered by its own worker (its SMTP server, its logger): a job
 * queue of its own. With a queue server every app a test file builds runs a worker, and any of them may
 * take a job from a shared queue. Without one, each app has an in-process queue and the name is unused.
 */
export function ownJobQueueEnv(): Record<string, string> {
  return { JOBS_QUEUE_NAME: `test-email-${randomUUID()}` };
}
