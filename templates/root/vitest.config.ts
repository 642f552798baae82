/**
 * `npm test`: the runtime's tests, every service's tests and the end-to-end tests, on PGlite and
 * the in-memory bus. Generous timeouts: a PGlite instance takes a few seconds to start.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
