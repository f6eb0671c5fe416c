import type { WebhookEvent } from '../jobs/deliver-webhook.job.js';
import type { AppLogger } from '../lib/logger.js';
import { postJson } from '../lib/webhooks/http-post.js';
import type { SecretBox } from '../lib/webhooks/secret-box.js';
import { signWebhook, WEBHOOK_HEADERS } from '../lib/webhooks/signature.js';
import { checkWebhookUrl, UnsafeWebhookUrlError, type UrlGuardOptions } from '../lib/webhooks/url-guard.js';
import type { WebhookDeliveryStatus, WebhooksRepository } from '../types/webhook.js';

/**
 * Sends one event to one subscription, once: the job queue calls it again for each retry. Every
 * attempt is written to the deliveries log; a failed one throws so that the queue retries it (or,
 * after the last attempt, moves it to the dead-letter queue, which the log then says too).
 */

export interface DeliveryJob {
  subscriptionId: string;
  event: WebhookEvent;
}

export interface AttemptContext {
  /** 1 on the first try. */
  attempt: number;
  /** Fires when the worker stops or the job times out: the request is abandoned and retried later. */
  signal: AbortSignal;
}

export interface WebhookDeliveryOptions {
  guard: UrlGuardOptions;
  /** WEBHOOK_TIMEOUT_MS: how long a receiver may take to answer. */
  timeoutMs: number;
  /** The job's attempts and first retry delay, to tell the log when (or whether) the next try comes. */
  attempts: number;
  backoffMs: number;
  userAgent: string;
  now?: () => number;
}

/** Thrown for a failed attempt: the job queue retries on it. */
export class WebhookDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookDeliveryError';
  }
}

const MAX_ERROR_LENGTH = 500;

function failureReason(error: unknown, signals: { timeout: AbortSignal; job: AbortSignal }, timeoutMs: number): string {
  const messageOf = (value: unknown) => (value instanceof Error ? value.message : String(value));
  let reason: string;
  if (signals.timeout.aborted) reason = `timed out after ${timeoutMs} ms`;
  // The worker stopping (the job is handed back and runs again) or the job's own timeout.
  else if (signals.job.aborted) reason = `aborted: ${messageOf(signals.job.reason)}`;
  else if (error instanceof UnsafeWebhookUrlError) reason = `URL refused: ${error.message}`;
  else reason = messageOf(error);
  return reason.slice(0, MAX_ERROR_LENGTH);
}

export class WebhookDeliveryService {
  private readonly now: () => number;

  constructor(
    private readonly repository: WebhooksRepository,
    private readonly secrets: SecretBox,
    private readonly logger: AppLogger,
    private readonly options: WebhookDeliveryOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async deliver(job: DeliveryJob, context: AttemptContext): Promise<void> {
    const { subscriptionId, event } = job;
    const target = await this.repository.findTarget(subscriptionId);
    if (target === null) {
      this.logger.info({ subscriptionId, eventId: event.id }, 'webhook subscription deleted: delivery dropped');
      return;
    }

    const startedAt = this.now();
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      // Checked again at send time: the host's DNS answer may have changed since the subscription was made.
      const checked = await checkWebhookUrl(target.url, this.options.guard);
      const body = JSON.stringify(event);
      // A fresh timestamp per attempt: receivers reject old ones, and a retry may come hours later.
      const timestamp = Math.floor(this.now() / 1000);
      const secret = this.secrets.open(target.secretCiphertext, target.id);
      const response = await postJson(checked, {
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': this.options.userAgent,
          [WEBHOOK_HEADERS.id]: event.id,
          [WEBHOOK_HEADERS.event]: event.type,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(secret, timestamp, body),
        },
        signal: AbortSignal.any([context.signal, timeout]),
      });
      statusCode = response.statusCode;
      if (statusCode < 200 || statusCode > 299) {
        error = statusCode >= 300 && statusCode < 400 ? `answered ${statusCode}: redirects are not followed` : `answered ${statusCode}`;
      }
    } catch (failure) {
      error = failureReason(failure, { timeout, job: context.signal }, this.options.timeoutMs);
    }

    const status: WebhookDeliveryStatus = error === null ? 'delivered' : context.attempt >= this.options.attempts ? 'dead-lettered' : 'failed';
    const finishedAt = this.now();
    // The queue waits backoffMs before the 2nd try, and twice as long before each later one.
    const nextRetryAt = status === 'failed' ? new Date(finishedAt + this.options.backoffMs * 2 ** (context.attempt - 1)) : null;
    await this.repository.recordAttempt({
      subscriptionId,
      eventId: event.id,
      eventType: event.type,
      attempt: context.attempt,
      status,
      statusCode,
      error,
      durationMs: Math.max(0, finishedAt - startedAt),
      nextRetryAt,
      createdAt: new Date(finishedAt),
    });
    if (error === null) return;

    // The host only: a URL's path or query may hold the receiver's own token.
    const log = { subscriptionId, eventId: event.id, eventType: event.type, attempt: context.attempt, host: new URL(target.url).host, statusCode, error };
    if (status === 'dead-lettered') this.logger.error(log, 'webhook delivery failed for the last time: dead-lettered');
    else this.logger.warn(log, 'webhook delivery failed: will retry');
    throw new WebhookDeliveryError(`webhook delivery ${status}: ${error}`);
  }
}
