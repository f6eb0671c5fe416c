import type { ErrorEvent } from '@sentry/node';
import { describe, expect, it } from 'vitest';
import { scrubEvent } from '../../src/lib/sentry.js';

/** `beforeSend`: whatever an integration or a scope put on an event, secrets do not leave the process. */

function event(fields: Partial<ErrorEvent>): ErrorEvent {
  return { type: undefined, event_id: 'e1', ...fields };
}

describe('scrubEvent (beforeSend)', () => {
  it('drops the request body, cookies and environment, and the headers that authenticate', () => {
    const scrubbed = scrubEvent(
      event({
        request: {
          method: 'POST',
          url: '/api/v1/users',
          data: { password: 'hunter2-body' },
          cookies: { sid: 'cookie-secret' },
          env: { DATABASE_URL: 'postgres://u:p@db/app' },
          headers: {
            Authorization: 'Bearer header-secret',
            cookie: 'sid=cookie-secret',
            'x-api-key': 'key-secret',
            'Proxy-Authorization': 'Basic proxy-secret',
            'x-csrf-token': 'csrf-secret',
            'user-agent': 'curl/8',
            'x-request-id': 'req-1',
          },
        },
      }),
    );
    expect(scrubbed.request).toEqual({ method: 'POST', url: '/api/v1/users', headers: { 'user-agent': 'curl/8', 'x-request-id': 'req-1' } });
    expect(JSON.stringify(scrubbed)).not.toMatch(/secret|hunter2|u:p@/);
  });

  it('filters token-like query parameters in query_string (string, object, pairs) and in URLs', () => {
    const asString = scrubEvent(event({ request: { query_string: 'page=2&token=t-secret&api_key=k-secret&sort=name', url: 'https://u:p@api.example.com/a?code=c-secret&q=ok#access_token=f-secret' } }));
    expect(asString.request?.query_string).toBe('page=2&token=%5BFiltered%5D&api_key=%5BFiltered%5D&sort=name');
    expect(asString.request?.url).toBe('https://api.example.com/a?code=%5BFiltered%5D&q=ok');

    const asObject = scrubEvent(event({ request: { query_string: { password: 'p-secret', limit: '10' } } }));
    expect(asObject.request?.query_string).toEqual({ password: '[Filtered]', limit: '10' });

    const asPairs = scrubEvent(event({ request: { query_string: [['sessionId', 's-secret'], ['cursor', 'abc']] } }));
    expect(asPairs.request?.query_string).toEqual([['sessionId', '[Filtered]'], ['cursor', 'abc']]);
  });

  it('keeps only the id of the user: no email, name or IP address', () => {
    const scrubbed = scrubEvent(event({ user: { id: 'u-1', email: 'ada@example.com', ip_address: '10.0.0.7', username: 'ada' } }));
    expect(scrubbed.user).toEqual({ id: 'u-1' });
    expect(scrubEvent(event({ user: { email: 'ada@example.com' } })).user).toBeUndefined();
  });

  it('filters the URLs of breadcrumbs and credentials quoted in exception messages', () => {
    const scrubbed = scrubEvent(
      event({
        breadcrumbs: [{ category: 'http', data: { url: 'http://svc.internal/hook?signature=s-secret', status_code: 500 } }, { message: 'plain' }],
        exception: { values: [{ type: 'Error', value: 'connect ECONNREFUSED postgres://app:db-secret@10.0.0.5:5432/app' }] },
      }),
    );
    expect(scrubbed.breadcrumbs).toEqual([{ category: 'http', data: { url: 'http://svc.internal/hook?signature=%5BFiltered%5D', status_code: 500 } }, { message: 'plain' }]);
    expect(scrubbed.exception?.values?.[0]?.value).toBe('connect ECONNREFUSED postgres://[Filtered]@10.0.0.5:5432/app');
  });

  it('leaves an event without request, user or breadcrumbs as it is', () => {
    const plain = event({ message: 'hello', tags: { request_id: 'r-1' } });
    expect(scrubEvent({ ...plain })).toEqual(plain);
  });
});
