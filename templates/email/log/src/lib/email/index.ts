import type { Env } from '../../config/env.js';
import type { AppLogger } from '../logger.js';
import type { EmailSender } from './email.js';
import { LogEmailSender } from './log.js';

export type { EmailMessage, EmailSender } from './email.js';

/**
 * The transport every email goes through; plug an SMTP or HTTP-API adapter in here. (The `email` feature
 * of create-solid-backend brings one: SMTP, a development outbox folder, and sending as retried jobs.)
 */
export function createEmailSender(env: Pick<Env, 'NODE_ENV'>, logger: AppLogger): EmailSender {
  if (env.NODE_ENV === 'production') {
    logger.warn({ event: 'email' }, 'emails go to the log (dev transport): configure a real transport for production');
  }
  return new LogEmailSender(logger);
}
