import type { Env } from '../config/env.js';
import { createEmailSender, type EmailSender } from '../lib/email/index.js';
import { QueuedEmailSender } from '../lib/email/queued.js';
import type { JobQueue } from '../lib/jobs/jobs.js';
import type { AppLogger } from '../lib/logger.js';

/**
 * Email, exposed as `deps.email`: `sender` is what services and subscribers send through (it enqueues
 * an `email.send` job); `transport` is what that job delivers with (SMTP, or the outbox folder).
 */
export interface EmailDependencies {
  sender: QueuedEmailSender;
  transport: EmailSender;
}

export function createEmailDependencies(env: Env, logger: AppLogger, jobs: JobQueue): EmailDependencies {
  return { sender: new QueuedEmailSender(jobs), transport: createEmailSender(env, logger) };
}
