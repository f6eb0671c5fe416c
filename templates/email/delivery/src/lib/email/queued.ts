import { z } from 'zod';
import type { EnqueueOptions, JobQueue, JobSpec } from '../jobs/jobs.js';
import type { EmailMessage, EmailSender } from './email.js';

const emailMessageSchema = z.object({
  to: z.string().min(3).max(320),
  subject: z.string().min(1).max(998),
  text: z.string(),
  html: z.string().optional(),
});

/**
 * One email to deliver. The job carries the whole rendered message (data, not a reference): what the
 * service wrote is what goes out, however late the job runs. SMTP gives no way to de-duplicate, so
 * delivery is at least once: a crash right after the server accepted a message sends it again.
 */
export const sendEmailSpec: JobSpec<EmailMessage> = {
  name: 'email.send',
  schema: emailMessageSchema,
  // 1 + 4 retries, 1, 2, 4 then 8 minutes apart: an SMTP server that is down for a quarter of an hour
  // loses nothing; after that the message waits in the dead-letter queue.
  attempts: 5,
  backoffMs: 60_000,
  timeoutMs: 60_000,
};

/** The sender services use: each message becomes an `email.send` job (src/jobs/send-email.job.ts). */
export class QueuedEmailSender implements EmailSender {
  readonly kind = 'queue';

  constructor(private readonly jobs: JobQueue) {}

  /** `key` makes sending idempotent: a message enqueued again under the same key is not sent twice. */
  async send(message: EmailMessage, options: Pick<EnqueueOptions, 'key'> = {}): Promise<void> {
    await this.jobs.enqueue(sendEmailSpec, message, options);
  }
}
