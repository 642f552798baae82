/** What a model gets where it says nothing: one table, read when the raw model is resolved into the IR. */
import type { RetrySettings, TopicSettings } from './ir.js';

export const DEFAULTS = {
  topic: {
    partitions: 3,
    replicas: 3,
    minInSyncReplicas: 2,
    retentionMs: 604_800_000,
    maxMessageBytes: undefined,
    cleanupPolicy: 'delete',
  } satisfies TopicSettings,
  retry: { maxAttempts: 4, backoffMs: 500, multiplier: 2, maxBackoffMs: 30_000 } satisfies RetrySettings,
  dlq: { suffix: '.DLQ', retentionMs: 1_209_600_000 },
  deploy: { replicas: 2, cpu: '250m', memory: '256Mi', cpuPercent: 70, lagThreshold: 100 },
  imageTag: '0.1.0',
  port: 8080,
  /** How long an orchestration step may go without an outcome event before the saga fails and compensates. */
  sagaStepTimeoutMs: 300_000,
  call: {
    timeoutMs: 2000,
    retry: { maxAttempts: 3, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000 } satisfies RetrySettings,
    circuitBreaker: { consecutiveFailures: 5, halfOpenAfterMs: 10_000 },
  },
} as const;
