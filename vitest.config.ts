import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'workers/test/**/*.test.ts', 'fixtures/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // test files already run side by side on every core: one document's pages are read on one
    // thread, except where a test asks for page threads itself
    env: { PAGE_THREADS: '1' },
  },
});
