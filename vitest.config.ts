import { defineConfig } from 'vitest/config';

// Unit tests live beside their code (`*.test.ts`); integration tests against the real services live in tests/.
export default defineConfig({
  test: {
    include: ['{schemas,libs,services,workflows,cli}/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '.wirewatch/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests share one set of real services; keep files sequential on a 2-core machine.
    fileParallelism: false,
  },
});
