import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Two projects: fast unit/component/store/feed/contract tests in happy-dom with msw/node,
// and browser tests that drive Debian's Chromium against the built app and the sample server.
export default defineConfig({
  plugins: [vue()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'],
          setupFiles: ['test/support/unit-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/e2e-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
