import { defineConfig } from 'vitest/config';

// Two cores on the CI machine: two workers. Browser and process-level tests
// (e2e/, *.integration.test.ts) start real servers, so they get longer timeouts.
export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**', '.data/**'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
