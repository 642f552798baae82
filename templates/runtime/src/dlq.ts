/**
 * Dead-letter queue records: the original record (key, value, every `ce_*` header) plus where it
 * came from and why it failed. Resolution records on the same topic say what became of one:
 * replayed by an operator or compensated by its saga, so every service reading the DLQ agrees.
 */
import { createHash } from 'node:crypto';
import type { BusRecord, DeliveredRecord } from './envelope.ts';

export const DLQ_HEADERS = {
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  exceptionType: 'dlq-exception-type',
  exceptionMessage: 'dlq-exception-message',
  attempts: 'dlq-attempts',
  recordId: 'dlq-record-id',
  resolution: 'dlq-resolution',
} as const;

export type Resolution = 'replayed' | 'compensated';

/** A stable id for the failure of one record in one consumer group (safe to publish twice). */
export function dlqRecordId(group: string, record: DeliveredRecord): string {
  return createHash('sha256')
    .update(`${group}\0${record.topic}\0${record.partition}\0${record.offset}`)
    .digest('hex')
    .slice(0, 32);
}

export interface Failure {
  readonly group: string;
  readonly error: unknown;
  readonly attempts: number;
}

function describe(error: unknown): { type: string; message: string } {
  if (error instanceof Error) return { type: error.name || error.constructor.name, message: error.message };
  return { type: typeof error, message: String(error) };
}

export function dlqRecord(dlqTopic: string, record: DeliveredRecord, failure: Failure): BusRecord {
  const { type, message } = describe(failure.error);
  return {
    topic: dlqTopic,
    key: record.key,
    value: record.value,
    headers: {
      ...record.headers,
      [DLQ_HEADERS.originalTopic]: record.topic,
      [DLQ_HEADERS.originalPartition]: String(record.partition),
      [DLQ_HEADERS.originalOffset]: record.offset,
      [DLQ_HEADERS.consumerGroup]: failure.group,
      [DLQ_HEADERS.exceptionType]: type,
      [DLQ_HEADERS.exceptionMessage]: message.slice(0, 1000),
      [DLQ_HEADERS.attempts]: String(failure.attempts),
      [DLQ_HEADERS.recordId]: dlqRecordId(failure.group, record),
    },
  };
}

export function resolutionRecord(dlqTopic: string, key: string, recordId: string, resolution: Resolution): BusRecord {
  return {
    topic: dlqTopic,
    key,
    value: 'null',
    headers: { [DLQ_HEADERS.recordId]: recordId, [DLQ_HEADERS.resolution]: resolution },
  };
}

/** The original record a DLQ record carries, as it was delivered to the group that failed it. */
export function originalOf(dlq: BusRecord): DeliveredRecord {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(dlq.headers)) if (!k.startsWith('dlq-')) headers[k] = v;
  return {
    topic: dlq.headers[DLQ_HEADERS.originalTopic] ?? '',
    partition: Number(dlq.headers[DLQ_HEADERS.originalPartition] ?? 0),
    offset: dlq.headers[DLQ_HEADERS.originalOffset] ?? '0',
    key: dlq.key,
    value: dlq.value,
    headers,
  };
}
