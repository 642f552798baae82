/**
 * `npm run test:kafka`: the runtime's tests against a real Kafka broker. Needs KAFKA_BROKERS
 * (docker compose up -d, then KAFKA_BROKERS=localhost:9092 npm run test:kafka).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/runtime/integration/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    env: { AUTH_DEV_SECRET: 'msa-gen test secret: not for production' },
  },
});
