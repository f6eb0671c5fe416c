/**
 * The email port. Services hand messages to an EmailSender and never know how they travel: the
 * transport chosen in src/lib/email/index.ts, or a queued job that calls that transport later.
 */

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to `text`; mail clients show it when they can. */
  html?: string | undefined;
}

export interface EmailSender {
  readonly kind: string;
  send(message: EmailMessage): Promise<void>;
}
