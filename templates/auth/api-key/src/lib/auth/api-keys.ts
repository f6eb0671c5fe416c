import { hashSecretToken, newSecretToken } from './secret-tokens.js';

/**
 * API keys (--auth api-key): `sbk_` + 32 bytes from the CSPRNG in base64url (43 characters), 47 in all.
 * The fixed prefix lets people, secret scanners and the log redaction below recognise a key. Only the
 * hex SHA-256 of the whole key is stored: with 256 random bits there is nothing to brute-force, so a
 * fast hash is right, and the lookup can be one indexed equality.
 */

export const API_KEY_PREFIX = 'sbk_';
/** How much of the key is stored in clear and shown in lists: the prefix and 8 more characters. */
export const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

// 32 bytes are 43 base64url characters (no padding).
const API_KEY_FORMAT = /^sbk_[A-Za-z0-9_-]{43}$/;
const API_KEY_ANYWHERE = /sbk_[A-Za-z0-9_-]{43}/;
// Broader than the format on purpose: a truncated or mangled key is still a secret in a log line.
const KEY_LIKE = /sbk_/i;

export interface GeneratedApiKey {
  /** Shown once, to whoever created it; never stored or logged. */
  key: string;
  prefix: string;
  keyHash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const key = `${API_KEY_PREFIX}${newSecretToken()}`;
  return { key, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), keyHash: hashApiKey(key) };
}

/** Checked before any query, so garbage never reaches the database. */
export function isWellFormedApiKey(value: string): boolean {
  return API_KEY_FORMAT.test(value);
}

export function hashApiKey(key: string): string {
  return hashSecretToken(key);
}

/**
 * Query parameters that clients commonly (and wrongly) use for credentials. URLs end up in access logs,
 * proxies and browser history, so a key must never travel there: such requests are refused.
 */
export const CREDENTIAL_QUERY_PARAMS: ReadonlySet<string> = new Set([
  'api_key',
  'apikey',
  'api-key',
  'x-api-key',
  'key',
  'access_token',
]);

function values(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The first parameter of a parsed query string that carries (or is named for) a key; null if none. */
export function credentialInQuery(query: unknown): string | null {
  if (typeof query !== 'object' || query === null) return null;
  for (const [name, value] of Object.entries(query)) {
    if (CREDENTIAL_QUERY_PARAMS.has(name.toLowerCase())) return name;
    if (values(value).some((text) => API_KEY_ANYWHERE.test(text))) return name;
  }
  return null;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    // Malformed escapes: judge the raw text.
    return text;
  }
}

/**
 * `url` as it may be logged: a path segment that holds something key-like becomes [REDACTED], and so does
 * the whole query string when any parameter is a credential name or holds something key-like. Checked
 * on the decoded text, so percent-encoding does not smuggle a key past it.
 */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const safePath = path
    .split('/')
    .map((segment) => (KEY_LIKE.test(decoded(segment)) ? '[REDACTED]' : segment))
    .join('/');
  if (mark < 0) return safePath;
  const query = url.slice(mark + 1);
  const risky = query.split('&').some((pair) => {
    const name = pair.split('=', 1)[0] ?? '';
    return CREDENTIAL_QUERY_PARAMS.has(decoded(name).toLowerCase()) || KEY_LIKE.test(decoded(pair));
  });
  return `${safePath}?${risky ? '[REDACTED]' : query}`;
}
