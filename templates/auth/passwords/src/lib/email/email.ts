/**
 * The email port. Services hand messages to an EmailSender and never know the transport, so the dev
 * log transport, an SMTP or API adapter, or a queued job can be swapped in src/lib/email/index.ts.
 */

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface EmailSender {
  readonly kind: string;
  send(message: EmailMessage): Promise<void>;
}
