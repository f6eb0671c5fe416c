import { z } from 'zod';
import { createUsersController } from '../controllers/users.controller.js';
import { secured } from '../middleware/access.js';
import type { RouteModule } from '../types/app.js';
import { errorResponses } from './schemas/common.js';
import {
  createUserBodySchema,
  listUsersQuerySchema,
  updateUserBodySchema,
  userIdParamsSchema,
  userListResponseSchema,
  userResponseSchema,
} from './schemas/users.js';

const tags = ['users'];

export const usersRoutes: RouteModule = {
  name: 'users',
  routes(app, deps) {
    const users = createUsersController(deps.services.users);

    app.post(
      '/users',
      secured('users:create', {
        schema: {
          tags,
          summary: 'Create a user',
          body: createUserBodySchema,
          response: { 201: userResponseSchema, ...errorResponses(400, 409, 413, 415, 500) },
        },
      }),
      async (request, reply) => reply.code(201).send(await users.create(request.body)),
    );

    app.get(
      '/users',
      secured('users:list', {
        schema: {
          tags,
          summary: 'List users',
          description:
            'Cursor pagination by default (`?cursor=&limit=`); offset pagination with `?page=`. ' +
            'Filter with `status`, `role`, `search`; order with `sort`; project with `fields`.',
          querystring: listUsersQuerySchema,
          response: { 200: userListResponseSchema, ...errorResponses(400, 500) },
        },
      }),
      async (request) => users.list(request.query),
    );

    app.get(
      '/users/:id',
      secured('users:read', {
        schema: {
          tags,
          summary: 'Get a user',
          params: userIdParamsSchema,
          response: { 200: userResponseSchema, ...errorResponses(400, 404, 500) },
        },
      }),
      async (request) => users.get(request.params.id),
    );

    app.patch(
      '/users/:id',
      secured('users:update', {
        schema: {
          tags,
          summary: 'Update a user',
          params: userIdParamsSchema,
          body: updateUserBodySchema,
          response: { 200: userResponseSchema, ...errorResponses(400, 404, 409, 413, 415, 500) },
        },
      }),
      async (request) => users.update(request.params.id, request.body),
    );

    app.delete(
      '/users/:id',
      secured('users:delete', {
        schema: {
          tags,
          summary: 'Delete a user',
          params: userIdParamsSchema,
          response: { 204: z.undefined().describe('Deleted'), ...errorResponses(400, 404, 500) },
        },
      }),
      async (request, reply) => {
        await users.remove(request.params.id);
        return reply.code(204).send();
      },
    );
  },
};
