import { reportCrashes } from '../lib/sentry-crashes.js';
import { captureRequestError, initSentry } from '../lib/sentry.js';
import { currentUser } from '../middleware/current-user.js';
import { isProgrammingError } from '../middleware/error-handler.js';
import type { AppPlugin } from '../types/app.js';

/**
 * Error tracking (docs/sentry.md): nothing at all without SENTRY_DSN. With it, every error the error
 * handler answers with 500 (its own decision: a bug, not a 4xx) is reported with the request id, the
 * route, the method and the caller's id; crashes of the process are reported while the app is open.
 */
export const sentryPlugin: AppPlugin = {
  name: 'sentry',
  register(app, deps) {
    if (!initSentry(deps.env)) return;
    const stopReportingCrashes = reportCrashes();
    app.addHook('onClose', async () => {
      stopReportingCrashes();
    });
    // onError runs just before the error handler, with the same error; it may observe, not answer.
    app.addHook('onError', async (request, _reply, error) => {
      if (!isProgrammingError(error, deps.env.BODY_LIMIT_BYTES)) return;
      captureRequestError(error, {
        requestId: request.id,
        method: request.method,
        route: request.routeOptions.url,
        userId: currentUser(request)?.id,
      });
    });
  },
};
