import type { AppLogger } from '../logger.js';
import type { EmailMessage, EmailSender } from './email.js';

/**
 * Development transport: instead of sending, writes each message as ONE info line with
 * `event: "email"`, body included, so a developer can follow a password-reset link from the log.
 * This is the only log line that may contain a reset link; request logs never carry the token.
 * Replace it with a real transport before going to production (see src/lib/email/index.ts).
 */
export class LogEmailSender implements EmailSender {
  readonly kind = 'log';

  constructor(private readonly logger: AppLogger) {}

  async send(message: EmailMessage): Promise<void> {
    this.logger.info({ event: 'email', email: { to: message.to, subject: message.subject, text: message.text } }, 'email (log transport)');
  }
}
