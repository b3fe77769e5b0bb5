import { configDefaults, defineConfig } from 'vitest/config';

// `npm run test:system`: the checks that need programs from the system. The
// run stops before any test when one is missing (test/system/programs.ts).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/system/**/*.test.{ts,tsx}'],
    exclude: [...configDefaults.exclude, '**/dist/**'],
    pool: 'forks',
    setupFiles: ['./test/setup.ts'],
    globalSetup: ['./test/system/programs.ts', './test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 30_000,
  },
});
