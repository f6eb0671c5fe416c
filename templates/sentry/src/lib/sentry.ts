import * as Sentry from '@sentry/node';
import type { Breadcrumb, ErrorEvent, RequestEventData } from '@sentry/node';
import { readAppInfo } from '../config/app-info.js';
import type { Env } from '../config/env.js';
import type { ShutdownHook } from '../types/app.js';

/**
 * Error tracking (docs/sentry.md). Errors only, reported explicitly: the plugin (src/plugins/sentry.ts)
 * hands over what the error handler treats as a bug, src/lib/sentry-crashes.ts what crashes the process.
 * Nothing is collected automatically (no request data, headers, bodies, breadcrumbs from the console or
 * HTTP), and `scrubEvent` removes what could still carry a secret before anything leaves the process.
 */

/** How long a flush may hold up an exit: long enough for one envelope on a healthy network. */
export const SENTRY_FLUSH_TIMEOUT_MS = 2000;

const FILTERED = '[Filtered]';
// Headers that authenticate a caller; removed wherever an event carries headers.
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-csrf-token']);
// Query keys whose value may be a credential (?token=, ?api_key=, ?code=, ?sig=…).
const SECRET_QUERY_KEY = /token|secret|pass|key|auth|session|sig|code|credential|otp/i;
// `//user:password@` inside a URL.
const URL_CREDENTIALS = /\/\/[^\s/@:]+:[^\s/@]+@/g;

/**
 * Creates the process's Sentry client when SENTRY_DSN is set; without it there is no client at all and
 * every capture is a no-op. Returns whether error tracking is on.
 */
export function initSentry(env: Env): boolean {
  if (!env.SENTRY_DSN) return false;
  const { name, version } = readAppInfo();
  Sentry.init({
    dsn: env.SENTRY_DSN,
    environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
    release: env.SENTRY_RELEASE ?? `${name}@${version}`,
    // The `otel` feature owns OpenTelemetry: no Sentry tracer provider, no rewriting of modules as they load.
    enableOpenTelemetrySetup: false,
    enableRuntimeChannelInjection: false,
    // Only integrations that describe the error itself and the runtime. Left out on purpose: request data
    // and HTTP/fetch/console instrumentation (bodies, headers, URLs), local variables (could hold a password),
    // and the SDK's own process handlers (src/lib/sentry-crashes.ts keeps Node's crash behaviour instead).
    defaultIntegrations: false,
    integrations: [
      Sentry.eventFiltersIntegration(),
      Sentry.functionToStringIntegration(),
      Sentry.linkedErrorsIntegration(),
      Sentry.dedupeIntegration(),
      Sentry.contextLinesIntegration(),
      Sentry.nodeContextIntegration(),
    ],
    // The SDK's successor of `sendDefaultPii: false`: collect no user data, cookies, headers, bodies or queries.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      databaseQueryData: false,
      queues: false,
      stackFrameVariables: false,
    },
    beforeSend: scrubEvent,
    beforeBreadcrumb: (breadcrumb) => scrubBreadcrumb(breadcrumb),
  });
  return true;
}

/** What a report says about the request that failed: never its headers, query or body. */
export interface RequestContext {
  requestId: string;
  method: string;
  /** The route's template (`/api/v1/users/:id`), not the URL: ids and queries stay out. */
  route: string | undefined;
  /** The authenticated caller's id only (no email, no IP); undefined when anonymous. */
  userId: string | undefined;
}

/** Reports a bug hit by a request. Each report gets its own scope, so nothing leaks into the next. */
export function captureRequestError(error: unknown, context: RequestContext): void {
  if (!Sentry.getClient()) return;
  Sentry.withScope((scope) => {
    const route = context.route ?? 'unmatched';
    scope.setTag('request_id', context.requestId);
    scope.setTag('http.method', context.method);
    scope.setTag('http.route', route);
    scope.setTransactionName(`${context.method} ${route}`);
    if (context.userId !== undefined) scope.setUser({ id: context.userId });
    Sentry.captureException(error, { mechanism: { type: 'fastify.error-handler', handled: false } });
  });
}

/** Sends what is queued and closes the client (no client: nothing to do). Resolves false on timeout. */
export async function closeSentry(timeoutMs: number = SENTRY_FLUSH_TIMEOUT_MS): Promise<boolean> {
  if (!Sentry.getClient()) return true;
  return Sentry.close(timeoutMs);
}

/** Shutdown hook: the reports of the last requests leave before the process exits. */
export const flushSentry: ShutdownHook = {
  name: 'sentry',
  async run() {
    await closeSentry();
  },
};

/**
 * `beforeSend`: the last word on what leaves the process. The integrations above collect none of this;
 * the scrubber holds even when someone adds one that does, or sets data on a scope by hand.
 */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  if (event.request) event.request = scrubRequest(event.request);
  if (event.user) {
    const { id } = event.user;
    // Only the id: an email, a name or an IP address is personal data Sentry does not need.
    if (id === undefined) delete event.user;
    else event.user = { id };
  }
  if (event.breadcrumbs) event.breadcrumbs = event.breadcrumbs.map(scrubBreadcrumb);
  // A driver's message may quote the URL it failed to reach, password included.
  for (const exception of event.exception?.values ?? []) {
    if (exception.value) exception.value = exception.value.replace(URL_CREDENTIALS, '//[Filtered]@');
  }
  return event;
}

function scrubRequest(request: RequestEventData): RequestEventData {
  // Bodies and cookies may hold anything (passwords, tokens): never sent, whatever their content.
  const { data: _data, cookies: _cookies, env: _env, ...rest } = request;
  const scrubbed: RequestEventData = { ...rest };
  if (rest.headers) {
    scrubbed.headers = Object.fromEntries(Object.entries(rest.headers).filter(([name]) => !SECRET_HEADERS.has(name.toLowerCase())));
  }
  if (rest.query_string !== undefined) scrubbed.query_string = scrubQueryString(rest.query_string);
  if (rest.url !== undefined) scrubbed.url = scrubUrl(rest.url);
  return scrubbed;
}

function scrubBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb {
  const url = breadcrumb.data?.url;
  if (typeof url !== 'string') return breadcrumb;
  return { ...breadcrumb, data: { ...breadcrumb.data, url: scrubUrl(url) } };
}

function scrubQueryString(query: NonNullable<RequestEventData['query_string']>): NonNullable<RequestEventData['query_string']> {
  if (typeof query === 'string') return scrubSearch(query);
  if (Array.isArray(query)) return query.map(([key, value]) => [key, SECRET_QUERY_KEY.test(key) ? FILTERED : value]);
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, SECRET_QUERY_KEY.test(key) ? FILTERED : value]));
}

/** `a=1&token=x` → `a=1&token=[Filtered]` (a leading `?` is kept). */
function scrubSearch(search: string): string {
  const prefix = search.startsWith('?') ? '?' : '';
  const params = new URLSearchParams(search);
  for (const key of new Set(params.keys())) {
    if (SECRET_QUERY_KEY.test(key)) params.set(key, FILTERED);
  }
  const rendered = params.toString();
  return rendered ? `${prefix}${rendered}` : '';
}

/** Filters the query of a URL (absolute or a bare path), drops its fragment and any user:pass@ in it. */
function scrubUrl(url: string): string {
  const withoutFragment = url.split('#', 1)[0] ?? '';
  const queryStart = withoutFragment.indexOf('?');
  const path = (queryStart === -1 ? withoutFragment : withoutFragment.slice(0, queryStart)).replace(/\/\/[^/@]*@/, '//');
  return queryStart === -1 ? path : `${path}${scrubSearch(withoutFragment.slice(queryStart))}`;
}
