import { configDefaults, defineConfig } from 'vitest/config';

// `npm test`: everything that needs Node alone. test/system needs programs
// from the system and runs with vitest.system.config.ts (npm run test:system).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    exclude: [...configDefaults.exclude, '**/dist/**', 'test/system/**'],
    pool: 'forks',
    setupFiles: ['./test/setup.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
