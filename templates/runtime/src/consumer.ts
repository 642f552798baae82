/**
 * The consumer runner: at-least-once delivery made safe. Each record is processed in one
 * transaction together with its inbox row (and its business key); a failure rolls both back
 * and is retried with exponential backoff; after `maxAttempts` the record goes to the DLQ with
 * the headers an operator needs, and the offset moves on.
 */
import type { RecordHandler } from './bus.ts';
import type { Db, Sql } from './db.ts';
import { ident } from './db.ts';
import { dlqRecord, DLQ_HEADERS } from './dlq.ts';
import { fromRecord, type BusRecord, type CloudEvent, type DeliveredRecord } from './envelope.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import { backoffDelay, sleep, type RetryPolicy } from './retry.ts';
import { claimBusinessKey, claimInbox } from './store.ts';

export type Outcome = 'processed' | 'duplicate' | 'skipped' | 'dead-lettered' | 'dropped' | 'failed';

export interface ConsumerSpec {
  /** Consumer group: one per policy, projection or compensation. */
  readonly group: string;
  readonly topics: readonly string[];
  readonly retry: RetryPolicy;
  /** false: drop the record after the last attempt instead of dead-lettering it. */
  readonly dlq: boolean;
  /** The business idempotency key of an event (e.g. its applicationId), if the policy has one. */
  readonly idempotencyKey?: ((event: CloudEvent) => string | undefined) | undefined;
  /**
   * Business work, in the transaction. Return 'skipped' when a business check declines it.
   * Remote calls go to `effects.afterCommit`: they run once the transaction has committed,
   * never while it holds locks.
   */
  handle(event: CloudEvent, tx: Sql, effects: Effects): Promise<'done' | 'skipped'>;
}

/** Work to run after the transaction commits (remote calls, notifications). */
export interface Effects {
  afterCommit(effect: () => Promise<unknown>): void;
}

export class EffectList implements Effects {
  private readonly list: Array<() => Promise<unknown>> = [];
  afterCommit(effect: () => Promise<unknown>): void {
    this.list.push(effect);
  }
  /** Runs the effects in order; the first failure stops them and is thrown. */
  async run(): Promise<void> {
    for (const effect of this.list.splice(0)) await effect();
  }
}

export interface ConsumerDeps {
  readonly db: Db;
  readonly schema: string;
  readonly publishDlq: (record: BusRecord) => Promise<void>;
  readonly dlqTopicOf: (topic: string) => string;
  readonly afterCommit: () => void;
  readonly metrics: Metrics;
  readonly logger: Logger;
}

export interface ProcessResult {
  readonly outcome: Outcome;
  readonly attempts: number;
  readonly error?: unknown;
}

/**
 * Processes one record through retries; never throws for a handler failure. In `replay` mode
 * (the reprocessor) a record that fails again is reported as 'failed' and stays in the DLQ
 * index instead of being dead-lettered a second time.
 */
export async function processRecord(
  spec: ConsumerSpec,
  deps: ConsumerDeps,
  record: DeliveredRecord,
  mode: 'consume' | 'replay' = 'consume',
): Promise<ProcessResult> {
  const labels = { group: spec.group, topic: record.topic };
  let event: CloudEvent;
  try {
    event = fromRecord(record);
  } catch (error) {
    // A record that is not a CloudEvent will never succeed: no retries.
    return mode === 'replay' ? { outcome: 'failed', attempts: 1, error } : deadLetter(spec, deps, record, error, 1);
  }
  let lastError: unknown;
  for (let attempt = 1; attempt <= spec.retry.maxAttempts; attempt++) {
    deps.metrics.inc('msa_consumer_attempts_total', labels);
    try {
      const effects = new EffectList();
      const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
        if (!(await claimInbox(tx, deps.schema, event, spec.group))) return 'duplicate';
        const key = spec.idempotencyKey?.(event);
        if (key !== undefined && !(await claimBusinessKey(tx, deps.schema, spec.group, key, event.id))) return 'duplicate';
        return (await spec.handle(event, tx, effects)) === 'done' ? 'processed' : 'skipped';
      });
      deps.metrics.inc(`msa_consumer_${outcome}_total`, labels);
      if (outcome === 'processed') {
        deps.afterCommit();
        await effects.run().catch((error: unknown) => {
          // The record is processed and committed; a failed follow-up call is reported, not retried.
          deps.metrics.inc('msa_after_commit_failures_total', { group: spec.group });
          deps.logger.error('after-commit call failed', { group: spec.group, eventId: event.id, error: error instanceof Error ? error.message : String(error) });
        });
      }
      if (outcome === 'duplicate') deps.logger.info('duplicate suppressed', { group: spec.group, eventId: event.id, type: event.type });
      return { outcome, attempts: attempt };
    } catch (error) {
      lastError = error;
      deps.metrics.inc('msa_consumer_failures_total', labels);
      deps.logger.warn('handler failed', {
        group: spec.group,
        eventId: event.id,
        attempt,
        maxAttempts: spec.retry.maxAttempts,
        error: error instanceof Error ? error.message : String(error),
      });
      if (attempt < spec.retry.maxAttempts) await sleep(backoffDelay(spec.retry, attempt));
    }
  }
  if (mode === 'replay') return { outcome: 'failed', attempts: spec.retry.maxAttempts, error: lastError };
  return deadLetter(spec, deps, record, lastError, spec.retry.maxAttempts);
}

async function deadLetter(
  spec: ConsumerSpec,
  deps: ConsumerDeps,
  record: DeliveredRecord,
  error: unknown,
  attempts: number,
): Promise<ProcessResult> {
  const labels = { group: spec.group, topic: record.topic };
  if (!spec.dlq) {
    deps.metrics.inc('msa_consumer_dropped_total', labels);
    deps.logger.error('record dropped after the last attempt (dlq: false)', { group: spec.group, topic: record.topic, offset: record.offset });
    return { outcome: 'dropped', attempts, error };
  }
  const dlq = dlqRecord(deps.dlqTopicOf(record.topic), record, { group: spec.group, error, attempts });
  await indexDlqRecord(deps.db, deps.schema, dlq);
  // If this publish fails the error propagates: the offset is not committed and the record comes again.
  await deps.publishDlq(dlq);
  deps.metrics.inc('msa_dlq_records_total', labels);
  deps.logger.error('record sent to the DLQ', {
    group: spec.group,
    topic: record.topic,
    dlqTopic: dlq.topic,
    recordId: dlq.headers[DLQ_HEADERS.recordId],
    attempts,
    error: dlq.headers[DLQ_HEADERS.exceptionMessage],
  });
  return { outcome: 'dead-lettered', attempts, error };
}

/** Keeps a copy of every DLQ record this service produced, for the reprocessor. */
export async function indexDlqRecord(db: Db, schema: string, dlq: BusRecord): Promise<void> {
  const h = dlq.headers;
  await db.query(
    `INSERT INTO ${ident(schema)}.dlq_records (record_id, dlq_topic, original_topic, original_partition, original_offset,
       consumer_group, record_key, record_value, headers, exception_type, exception_message, attempts)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9::jsonb,$10,$11,$12)
     ON CONFLICT (record_id) DO UPDATE SET status = 'pending', attempts = ${ident(schema)}.dlq_records.attempts + EXCLUDED.attempts,
       exception_type = EXCLUDED.exception_type, exception_message = EXCLUDED.exception_message, resolved_at = NULL`,
    [
      h[DLQ_HEADERS.recordId],
      dlq.topic,
      h[DLQ_HEADERS.originalTopic],
      Number(h[DLQ_HEADERS.originalPartition]),
      h[DLQ_HEADERS.originalOffset],
      h[DLQ_HEADERS.consumerGroup],
      dlq.key,
      dlq.value,
      JSON.stringify(h),
      h[DLQ_HEADERS.exceptionType],
      h[DLQ_HEADERS.exceptionMessage],
      Number(h[DLQ_HEADERS.attempts]),
    ],
  );
}

export function recordHandler(spec: ConsumerSpec, deps: ConsumerDeps): RecordHandler {
  return async (record) => {
    await processRecord(spec, deps, record);
  };
}
