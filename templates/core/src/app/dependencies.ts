import type { Env } from '../config/env.js';
import { createCache, type Cache } from '../lib/cache/index.js';
import { createDatabase, type Database } from '../lib/database.js';
import type { AppLogger } from '../lib/logger.js';
import { DrizzleUsersRepository } from '../repositories/users.repository.js';
import { UsersService } from '../services/users.service.js';
import type { UsersRepository } from '../types/user.js';
import { createCursorCodec } from '../utils/cursor.js';
import { Lifecycle } from './lifecycle.js';

/**
 * The object graph, wired by hand: plain constructor injection, no container. Everything that talks
 * to the outside world is created here once and passed down, so tests can swap any piece.
 */
export interface Dependencies {
  env: Env;
  logger: AppLogger;
  lifecycle: Lifecycle;
  database: Database;
  cache: Cache;
  repositories: {
    users: UsersRepository;
  };
  services: {
    users: UsersService;
  };
}

export interface DependencyOverrides {
  /** An already open database (tests share one per file). */
  database?: Database;
  cache?: Cache;
}

export async function createDependencies(
  env: Env,
  logger: AppLogger,
  overrides: DependencyOverrides = {},
): Promise<Dependencies> {
  const database =
    overrides.database ??
    (await createDatabase(env, { onPoolError: (err) => logger.warn({ err }, 'idle database connection lost') }));
  const cache = overrides.cache ?? createCache(env);
  const cursors = createCursorCodec(env.CURSOR_SECRET);

  const repositories = {
    users: new DrizzleUsersRepository(database.db),
  };
  const services = {
    users: new UsersService(repositories.users, cache, cursors),
  };

  return { env, logger, lifecycle: new Lifecycle(), database, cache, repositories, services };
}
