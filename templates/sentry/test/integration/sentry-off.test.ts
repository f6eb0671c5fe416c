import * as Sentry from '@sentry/node';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

/** Without SENTRY_DSN (the default, and `SENTRY_DSN=` in .env) error tracking does not exist at all. */

const ctx = useTestApp({ env: { SENTRY_DSN: '' } });

describe('error tracking without SENTRY_DSN', () => {
  it('creates no Sentry client and no crash handler, and a 500 reports nothing', async () => {
    const crashListeners = process.listenerCount('uncaughtException');
    const { app, deps } = await ctx.build({
      beforeReady: (instance) =>
        instance.get('/api/v1/sentry-probe', async () => {
          throw new TypeError('probe bug without DSN');
        }),
    });
    expect(deps.env.SENTRY_DSN).toBeUndefined();
    expect(Sentry.getClient()).toBeUndefined();
    expect(process.listenerCount('uncaughtException')).toBe(crashListeners);

    const response = await app.inject({ url: '/api/v1/sentry-probe' });
    expect(response.statusCode).toBe(500);
    // Nothing was created on the way: no client means no transport, so nothing can be sent anywhere.
    expect(Sentry.getClient()).toBeUndefined();
    expect(Sentry.isEnabled()).toBe(false);
  });
});
