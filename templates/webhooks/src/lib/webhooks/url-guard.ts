import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { forbiddenAddressReason } from './address-policy.js';

/**
 * The SSRF guard: decides whether a webhook URL may be called, and to which IP addresses. It runs
 * when a subscription is created (400) and again before every delivery, because DNS answers change.
 * The addresses it returns are the only ones the delivery may connect to (http-post.ts pins them),
 * so a name that resolves to a public address here and to 127.0.0.1 a moment later (DNS rebinding)
 * still cannot reach loopback.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to (tests inject their own answers). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface UrlGuardOptions {
  /** WEBHOOK_ALLOW_PRIVATE_URLS: for receivers on the same machine or network (development, tests). */
  allowPrivate: boolean;
  resolve?: Resolver;
  /** How long a DNS answer may take before the URL is refused. */
  resolveTimeoutMs?: number;
}

export interface WebhookTarget {
  url: URL;
  /** The checked addresses: connections go to these and nowhere else. */
  addresses: ResolvedAddress[];
}

export class UnsafeWebhookUrlError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnsafeWebhookUrlError';
  }
}

export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new UnsafeWebhookUrlError(message)), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** The URL's own syntax rules; no network. Returns the parsed URL. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeWebhookUrlError('is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UnsafeWebhookUrlError('must use http or https');
  // Credentials in the URL would be shown by every GET; receivers authenticate deliveries by the signature.
  if (url.username !== '' || url.password !== '') throw new UnsafeWebhookUrlError('must not contain a user name or password');
  if (url.hostname === '') throw new UnsafeWebhookUrlError('must have a host');
  return url;
}

/** Parses, resolves and checks `raw`; throws UnsafeWebhookUrlError with the reason it is refused. */
export async function checkWebhookUrl(raw: string, options: UrlGuardOptions): Promise<WebhookTarget> {
  const url = parseWebhookUrl(raw);
  // [::1] in a URL is ::1 to the network.
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const literal = isIP(host);
  const addresses: ResolvedAddress[] =
    literal === 0
      ? await withTimeout(
          (options.resolve ?? systemResolver)(host).catch(() => {
            throw new UnsafeWebhookUrlError(`host ${host} could not be resolved`);
          }),
          options.resolveTimeoutMs ?? 5000,
          `host ${host} took too long to resolve`,
        )
      : [{ address: host, family: literal === 6 ? 6 : 4 }];
  if (addresses.length === 0) throw new UnsafeWebhookUrlError(`host ${host} could not be resolved`);
  if (!options.allowPrivate) {
    // Every answer must be public: the connection could go to any of them.
    for (const { address } of addresses) {
      const reason = forbiddenAddressReason(address);
      if (reason !== null) {
        throw new UnsafeWebhookUrlError(literal === 0 ? `must not point to a private address: host ${host} resolves to ${reason}` : `must not point to a private address: ${reason}`);
      }
    }
  }
  return { url, addresses };
}
