/**
 * The runtime's own tables, in the service's schema: the inbox (idempotent consumers), the
 * processed business keys, the executed command keys (a command sent with an idempotency key
 * runs once), the transactional outbox (Debezium-compatible columns), the DLQ index, and saga
 * state. Every write here happens inside the caller's transaction.
 */
import type { CloudEvent } from './envelope.ts';
import { ident, type Db, type Sql } from './db.ts';

export function runtimeDdl(schema: string): string {
  const s = ident(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.inbox (
  source text NOT NULL,
  event_id text NOT NULL,
  consumer_group text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, event_id, consumer_group)
);
CREATE TABLE IF NOT EXISTS ${s}.processed_keys (
  consumer_group text NOT NULL,
  business_key text NOT NULL,
  event_id text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, business_key)
);
CREATE TABLE IF NOT EXISTS ${s}.outbox (
  id uuid PRIMARY KEY,
  aggregatetype varchar(255) NOT NULL,
  aggregateid varchar(255) NOT NULL,
  type varchar(255) NOT NULL,
  payload jsonb NOT NULL,
  topic varchar(249) NOT NULL,
  headers jsonb NOT NULL,
  seq bigserial UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_unpublished ON ${s}.outbox (seq) WHERE published_at IS NULL;
CREATE TABLE IF NOT EXISTS ${s}.dlq_records (
  record_id text PRIMARY KEY,
  dlq_topic text NOT NULL,
  original_topic text NOT NULL,
  original_partition integer NOT NULL,
  original_offset text NOT NULL,
  consumer_group text NOT NULL,
  record_key text NOT NULL,
  record_value text NOT NULL,
  headers jsonb NOT NULL,
  exception_type text NOT NULL,
  exception_message text NOT NULL,
  attempts integer NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE TABLE IF NOT EXISTS ${s}.saga_compensations (
  record_id text PRIMARY KEY,
  saga text NOT NULL,
  compensation text NOT NULL,
  payload jsonb NOT NULL,
  correlation_id text NOT NULL,
  dlq_topic text NOT NULL,
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS ${s}.saga_instances (
  id text PRIMARY KEY,
  saga text NOT NULL,
  step integer NOT NULL,
  status text NOT NULL,
  data jsonb NOT NULL,
  history jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE ${s}.saga_instances ADD COLUMN IF NOT EXISTS attempt integer NOT NULL DEFAULT 1;
ALTER TABLE ${s}.saga_instances ADD COLUMN IF NOT EXISTS send_pending boolean NOT NULL DEFAULT false;
ALTER TABLE ${s}.saga_instances ADD COLUMN IF NOT EXISTS due_at timestamptz;
ALTER TABLE ${s}.saga_instances ADD COLUMN IF NOT EXISTS created_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS saga_instances_due ON ${s}.saga_instances (due_at) WHERE status = 'running';
CREATE TABLE IF NOT EXISTS ${s}.command_keys (
  key text PRIMARY KEY,
  command text NOT NULL,
  result jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`;
}

/** An aggregate's table: its state as JSON, keyed by the aggregate key, with a version. */
export function aggregateDdl(schema: string, table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${ident(schema)}.${ident(table)} (
  id text PRIMARY KEY,
  state jsonb NOT NULL,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`;
}

/** A read model's table (store: database): its fields as JSON plus the status and last event. */
export function readModelDdl(schema: string, table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${ident(schema)}.${ident(table)} (
  id text PRIMARY KEY,
  data jsonb NOT NULL,
  status text NOT NULL,
  last_event text NOT NULL,
  updated_at timestamptz NOT NULL
);
`;
}

/** Creates the runtime's tables, then `tables` (aggregates, read models). */
export async function migrate(db: Db, schema: string, tables: string): Promise<void> {
  await db.exec(runtimeDdl(schema) + tables);
}

/**
 * Records that this consumer group processed this event. False when it already had: the
 * caller skips the record. Runs in the same transaction as the business change, so a failed
 * change leaves no inbox row behind and the retry processes the record again.
 */
export async function claimInbox(tx: Sql, schema: string, event: CloudEvent, group: string): Promise<boolean> {
  const r = await tx.query(
    `INSERT INTO ${ident(schema)}.inbox (source, event_id, consumer_group) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [event.source, event.id, group],
  );
  return r.rows.length === 1;
}

/** The business idempotency key (e.g. the application id): false when already processed. */
export async function claimBusinessKey(tx: Sql, schema: string, group: string, key: string, eventId: string): Promise<boolean> {
  const r = await tx.query(
    `INSERT INTO ${ident(schema)}.processed_keys (consumer_group, business_key, event_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING business_key`,
    [group, key, eventId],
  );
  return r.rows.length === 1;
}

export interface OutboxEntry {
  readonly event: CloudEvent;
  readonly topic: string;
  readonly aggregateType: string;
  readonly headers: Readonly<Record<string, string>>;
}

export async function appendOutbox(tx: Sql, schema: string, entries: readonly OutboxEntry[]): Promise<void> {
  for (const e of entries) {
    await tx.query(
      `INSERT INTO ${ident(schema)}.outbox (id, aggregatetype, aggregateid, type, payload, topic, headers)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb)`,
      [e.event.id, e.aggregateType, e.event.subject, e.event.type, JSON.stringify(e.event.data), e.topic, JSON.stringify(e.headers)],
    );
  }
}

/** The result of a command already executed under this idempotency key, if any. */
export async function executedCommand<T>(db: Sql, schema: string, key: string): Promise<T | undefined> {
  const r = await db.query<{ result: T }>(`SELECT result FROM ${ident(schema)}.command_keys WHERE key = $1`, [key]);
  return r.rows[0]?.result;
}

/**
 * Records that the command with this idempotency key ran, with its result, in the command's own
 * transaction. False when another execution got there first: the caller rolls back.
 */
export async function claimCommandKey(tx: Sql, schema: string, key: string, command: string, result: unknown): Promise<boolean> {
  const r = await tx.query(
    `INSERT INTO ${ident(schema)}.command_keys (key, command, result) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT DO NOTHING RETURNING key`,
    [key, command, JSON.stringify(result)],
  );
  return r.rows.length === 1;
}
