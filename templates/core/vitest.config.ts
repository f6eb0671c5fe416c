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
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
