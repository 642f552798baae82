/**
 * `npm test`: the runtime's tests, every service's tests and the end-to-end tests, on PGlite and
 * the in-memory bus. Generous timeouts: a PGlite instance takes a few seconds to start.
 * MSA_DEV_PLACEHOLDERS=1: the default handlers fill a required field nothing provides with a
 * placeholder (logged) instead of refusing the command, so the starter tests run before your
 * business logic exists. A test that starts services with MSA_DEV_PLACEHOLDERS: '0' in their env
 * sees the refusals production would.
 * AUTH_DEV_SECRET: services verify bearer tokens signed with it (HS256), and the tests mint them
 * with platform.token() or devToken(); never a production setting (there: AUTH_JWKS_URL).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { MSA_DEV_PLACEHOLDERS: '1', AUTH_DEV_SECRET: 'msa-gen test secret: not for production' },
  },
});
