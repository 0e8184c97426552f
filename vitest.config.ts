import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores: CLI and crash tests spawn processes of their own.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
