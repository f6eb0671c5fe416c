import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each integration file starts one embedded database (~3 s); files run in parallel across cores.
    pool: 'forks',
    // Vitest's default is one worker per core minus one: a single worker on a 2-core machine, where the
    // suite then runs about a quarter slower than with two. At least two; larger machines keep the default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Files share a worker's module cache instead of re-importing the app for each: the suite runs in
    // about half the time. Safe because the tests keep no module-level state (no vi.mock, fake timers or
    // stubbed globals; clocks are injected); each file still gets its own database and app.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
