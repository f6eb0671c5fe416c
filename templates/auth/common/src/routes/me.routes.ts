import { createUsersController } from '../controllers/users.controller.js';
import { currentUser } from '../middleware/current-user.js';
import { secured } from '../middleware/access.js';
import type { RouteModule } from '../types/app.js';
import { UnauthorizedError } from '../utils/auth-errors.js';
import { NotFoundError } from '../utils/errors.js';
import { errorResponses } from './schemas/common.js';
import { userResponseSchema } from './schemas/users.js';

/** GET /api/v1/users/me: the authenticated caller's own account (a static path, so it wins over /users/:id). */
export const meRoutes: RouteModule = {
  name: 'me',
  routes(app, deps) {
    const users = createUsersController(deps.services.users);

    app.get(
      '/users/me',
      secured('authenticated', {
        schema: {
          tags: ['users'],
          summary: 'The current user',
          response: { 200: userResponseSchema, ...errorResponses(500) },
        },
      }),
      async (request) => {
        const me = currentUser(request);
        if (me === null) throw new UnauthorizedError();
        try {
          return await users.get(me.id);
        } catch (error) {
          // A valid token for an account deleted since: the caller is nobody any more.
          if (error instanceof NotFoundError) throw new UnauthorizedError('This account no longer exists');
          throw error;
        }
      },
    );
  },
};
