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

export type ProcessOutcome = 'processed' | 'duplicate' | 'skipped' | 'dead-lettered' | 'dropped' | 'failed';

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
   * The business work for one record. Decide outside any transaction (remote calls are fine
   * here), then write through `unit.commit`: that one transaction also records the inbox row and
   * the business key, so the record's effect and "processed" are committed together.
   * Return 'skipped' when a business check declines the record.
   */
  handle(event: CloudEvent, unit: UnitOfWork): Promise<'done' | 'skipped'>;
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

/** One record's transaction: at most one commit, which also claims the inbox and business key. */
export interface UnitOfWork extends Effects {
  commit<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

/** Thrown inside a commit when the inbox or the business key says: already processed. */
class AlreadyProcessed extends Error {
  override readonly name = 'AlreadyProcessed';
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
  readonly outcome: ProcessOutcome;
  readonly attempts: number;
  readonly error?: unknown;
}

async function seenBefore(deps: ConsumerDeps, spec: ConsumerSpec, event: CloudEvent): Promise<boolean> {
  const s = ident(deps.schema);
  const inbox = await deps.db.query(`SELECT 1 FROM ${s}.inbox WHERE source = $1 AND event_id = $2 AND consumer_group = $3`, [
    event.source,
    event.id,
    spec.group,
  ]);
  if (inbox.rows.length > 0) return true;
  const key = spec.idempotencyKey?.(event);
  if (key === undefined) return false;
  const done = await deps.db.query(`SELECT 1 FROM ${s}.processed_keys WHERE consumer_group = $1 AND business_key = $2`, [spec.group, key]);
  return done.rows.length > 0;
}

/** One attempt: check, decide, commit with the inbox row; then the after-commit effects. */
async function attemptOnce(spec: ConsumerSpec, deps: ConsumerDeps, event: CloudEvent): Promise<ProcessOutcome> {
  if (await seenBefore(deps, spec, event)) return 'duplicate';
  const effects = new EffectList();
  const claim = async (tx: Sql) => {
    if (!(await claimInbox(tx, deps.schema, event, spec.group))) throw new AlreadyProcessed();
    const key = spec.idempotencyKey?.(event);
    if (key !== undefined && !(await claimBusinessKey(tx, deps.schema, spec.group, key, event.id))) throw new AlreadyProcessed();
  };
  let committed = false;
  const unit: UnitOfWork = {
    afterCommit: (effect) => effects.afterCommit(effect),
    async commit(work) {
      if (committed) throw new Error(`${spec.group}: a record commits once`);
      const result = await deps.db.transaction(async (tx) => {
        await claim(tx);
        return work(tx);
      });
      committed = true;
      return result;
    },
  };
  let result: 'done' | 'skipped';
  try {
    result = await spec.handle(event, unit);
    if (!committed) await unit.commit(async () => undefined); // record it processed all the same
  } catch (error) {
    if (error instanceof AlreadyProcessed) return 'duplicate';
    throw error;
  }
  deps.afterCommit();
  await effects.run().catch((error: unknown) => {
    // The record is processed and committed; a failed follow-up call is reported, not retried.
    deps.metrics.inc('msa_after_commit_failures_total', { group: spec.group });
    deps.logger.error('after-commit call failed', { group: spec.group, eventId: event.id, error: error instanceof Error ? error.message : String(error) });
  });
  return result === 'done' ? 'processed' : 'skipped';
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
      const outcome = await attemptOnce(spec, deps, event);
      deps.metrics.inc(`msa_consumer_${outcome}_total`, labels);
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
