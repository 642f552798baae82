/**
 * CloudEvents 1.0 envelope, carried in Kafka binary mode: the event data is the record value
 * (JSON) and every attribute is a `ce_*` header. Extensions carry the seed's metadata: the
 * correlation id (the complaint id) and the processing stage.
 */
import { randomUUID } from 'node:crypto';

export interface CloudEvent<T = unknown> {
  readonly specversion: '1.0';
  /** Unique per event; with `source` it identifies the event (the inbox key). */
  readonly id: string;
  /** The producing service, e.g. `/gov24/application`. */
  readonly source: string;
  /** `<prefix>.<EventName>.v<version>`. */
  readonly type: string;
  readonly time: string;
  /** The aggregate key; also the Kafka record key. */
  readonly subject: string;
  readonly datacontenttype: 'application/json';
  /** Extension: the complaint (saga) this event belongs to. */
  readonly correlationid: string;
  /** Extension: the processing stage that produced it, e.g. `application.submitted`. */
  readonly processingstage: string;
  readonly data: T;
}

export interface NewEvent<T = unknown> {
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly correlationid: string;
  readonly processingstage: string;
  readonly data: T;
  readonly id?: string;
  readonly time?: Date;
}

export function createEvent<T>(input: NewEvent<T>): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    source: input.source,
    type: input.type,
    time: (input.time ?? new Date()).toISOString(),
    subject: input.subject,
    datacontenttype: 'application/json',
    correlationid: input.correlationid,
    processingstage: input.processingstage,
    data: input.data,
  };
}

/** A record on the bus: what Kafka carries, with string key, value and headers. */
export interface BusRecord {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** A record as delivered to a consumer: with its coordinates in the topic. */
export interface DeliveredRecord extends BusRecord {
  readonly partition: number;
  readonly offset: string;
}

const ATTRIBUTES = ['id', 'source', 'type', 'time', 'subject', 'correlationid', 'processingstage'] as const;

/** Kafka binary content mode: attributes become `ce_<name>` headers, data the value. */
export function toRecord(topic: string, event: CloudEvent): BusRecord {
  const headers: Record<string, string> = {
    ce_specversion: event.specversion,
    'content-type': event.datacontenttype,
  };
  for (const name of ATTRIBUTES) headers[`ce_${name}`] = event[name];
  return { topic, key: event.subject, value: JSON.stringify(event.data), headers };
}

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
}

/** The CloudEvent a record carries; throws EnvelopeError for a record that is not one. */
export function fromRecord<T = unknown>(record: BusRecord): CloudEvent<T> {
  const h = record.headers;
  for (const name of ATTRIBUTES) {
    if (typeof h[`ce_${name}`] !== 'string') throw new EnvelopeError(`record on ${record.topic} has no ce_${name} header`);
  }
  if (h['ce_specversion'] !== '1.0') throw new EnvelopeError(`unsupported CloudEvents specversion ${h['ce_specversion']}`);
  let data: T;
  try {
    data = JSON.parse(record.value) as T;
  } catch {
    throw new EnvelopeError(`record ${h['ce_id']} on ${record.topic} does not hold JSON`);
  }
  return {
    specversion: '1.0',
    id: h['ce_id']!,
    source: h['ce_source']!,
    type: h['ce_type']!,
    time: h['ce_time']!,
    subject: h['ce_subject']!,
    datacontenttype: 'application/json',
    correlationid: h['ce_correlationid']!,
    processingstage: h['ce_processingstage']!,
    data,
  };
}
