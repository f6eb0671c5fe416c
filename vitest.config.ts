import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/{unit,tree,wiring,templates,add,resource,doctor}/**/*.test.ts'],
          testTimeout: 20_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/matrix.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 15 * 60_000,
          hookTimeout: 5 * 60_000,
          // Each e2e file installs and tests a whole project; two at once is what 2 cores can take.
          maxWorkers: 2,
          fileParallelism: true,
          // After the fast tiers: a broken template fails in seconds, not after a 5-minute install.
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'matrix',
          include: ['test/e2e/matrix.test.ts'],
          // Its two compilers at a time use both cores: it runs alone, after the e2e files.
          maxWorkers: 1,
          testTimeout: 30 * 60_000,
          hookTimeout: 10 * 60_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
