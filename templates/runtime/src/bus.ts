/**
 * The bus port. Delivery is at-least-once: a record's offset is committed after its handler
 * settles; the consumer runner (consumer.ts) turns handler failures into retries and DLQ records,
 * so the handler given to `subscribe` does not throw for ordinary failures.
 */
import type { BusRecord, DeliveredRecord } from './envelope.ts';

export type RecordHandler = (record: DeliveredRecord) => Promise<void>;

export interface Subscription {
  readonly group: string;
  readonly topics: readonly string[];
  close(): Promise<void>;
}

export interface Bus {
  readonly kind: 'memory' | 'kafka';
  publish(records: readonly BusRecord[]): Promise<void>;
  subscribe(group: string, topics: readonly string[], handler: RecordHandler): Promise<Subscription>;
  close(): Promise<void>;
}
