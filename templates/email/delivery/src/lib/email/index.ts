import type { Env } from '../../config/env.js';
import type { AppLogger } from '../logger.js';
import type { EmailSender } from './email.js';
import { OutboxEmailSender } from './outbox.js';
import { SmtpEmailSender } from './smtp.js';

export type { EmailMessage, EmailSender } from './email.js';

/** Used when MAIL_FROM is unset, which only development and tests allow. */
export const DEV_MAIL_FROM = 'no-reply@localhost';

export type EmailEnv = Pick<Env, 'SMTP_URL' | 'MAIL_FROM' | 'EMAIL_OUTBOX_DIR'>;

/**
 * The transport that delivers a message now: SMTP when SMTP_URL is set (production requires it), the
 * outbox folder otherwise. Services do not call it directly: they send through the queued sender of
 * src/app/email-dependencies.ts, and the `email.send` job calls this transport.
 */
export function createEmailSender(env: EmailEnv, logger: AppLogger): EmailSender {
  const from = env.MAIL_FROM ?? DEV_MAIL_FROM;
  if (env.SMTP_URL !== undefined) return new SmtpEmailSender(env.SMTP_URL, from);
  logger.info({ event: 'email', transport: 'outbox', dir: env.EMAIL_OUTBOX_DIR }, 'no SMTP_URL: emails are written to the outbox folder');
  return new OutboxEmailSender(env.EMAIL_OUTBOX_DIR, from, logger);
}
