import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createDependencies, type Dependencies, type DependencyOverrides } from '../../src/app/dependencies.js';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.js';
import { createLogger, type AppLogger } from '../../src/lib/logger.js';
import type { AppInstance } from '../../src/types/app.js';
import { asAdmin, type Client } from './auth.js';
import { testEnv } from './env.js';

export interface TestApp {
  app: AppInstance;
  deps: Dependencies;
}

export interface BuildOptions {
  env?: Record<string, string | undefined>;
  deps?: DependencyOverrides;
  logger?: AppLogger;
  /** Lets a test add routes (e.g. one that throws) before the app is sealed. */
  beforeReady?: (app: AppInstance) => void;
}

/**
 * One database per test file (starting PGlite costs seconds), emptied before each test;
 * one app on it by default, and `build()` for variants (production mode, docs off, …) on the same data.
 * `env` applies to every app of the file; `admin` calls the main app with an admin's credentials.
 */
export function useTestApp(fileOptions: { env?: Record<string, string | undefined> } = {}) {
  let testDb: TestDatabase | undefined;
  let main: TestApp | undefined;
  let admin: Client | undefined;
  const extra: TestApp[] = [];

  const requireDb = () => {
    if (!testDb) throw new Error('test database not ready: use inside tests or hooks');
    return testDb;
  };

  const fileEnv = fileOptions.env ?? {};

  async function build(options: BuildOptions = {}): Promise<TestApp> {
    const env = testEnv({ ...fileEnv, ...options.env });
    const logger = options.logger ?? createLogger(env);
    const deps = await createDependencies(env, logger, { database: requireDb().database, ...options.deps });
    const app = await buildApp(deps);
    options.beforeReady?.(app);
    await app.ready();
    const built = { app, deps };
    extra.push(built);
    return built;
  }

  beforeAll(async () => {
    testDb = await createTestDatabase(testEnv());
    main = await build();
    admin = asAdmin(main);
  });

  beforeEach(async () => {
    await requireDb().reset();
  });

  afterAll(async () => {
    // Each app, then what its dependencies opened besides the shared database (a Redis connection, say).
    await Promise.all(
      extra.map(async ({ app, deps }) => {
        await app.close();
        await deps.cache.close();
      }),
    );
    await testDb?.dispose();
  });

  return {
    get app(): AppInstance {
      if (!main) throw new Error('app not ready');
      return main.app;
    },
    get deps(): Dependencies {
      if (!main) throw new Error('app not ready');
      return main.deps;
    },
    get admin(): Client {
      if (!admin) throw new Error('app not ready');
      return admin;
    },
    get testDb(): TestDatabase {
      return requireDb();
    },
    build,
  };
}
