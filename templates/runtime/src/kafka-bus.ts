/**
 * The bus on Apache Kafka, through @platformatic/kafka: a maintained, pure-TypeScript client
 * with its own type definitions, built for Node ≥ 22 (the generated services' runtime).
 * Records carry CloudEvents in binary content mode; offsets are committed manually, after the
 * consumer runner has settled a record (at-least-once).
 *
 * Every write (the outbox relay, DLQ records, compensations) goes through one idempotent
 * producer with acks=all: a record counts as published only when every in-sync replica has it
 * (with the topics' min.insync.replicas of 2, at least two brokers), and a retried send cannot
 * write it twice.
 */
import {
  Consumer,
  MessagesStreamFallbackModes,
  MessagesStreamModes,
  ProduceAcks,
  Producer,
  stringDeserializers,
  stringSerializers,
  type Message,
  type MessageToProduce,
} from '@platformatic/kafka';
import type { Bus, RecordHandler, Subscription } from './bus.ts';
import type { BusRecord, DeliveredRecord } from './envelope.ts';
import type { Logger } from './logger.ts';

export interface KafkaBusOptions {
  /** host:port list, as in KAFKA_BROKERS. */
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Connection and request timeout. Default 10 s. */
  readonly timeoutMs?: number;
  readonly logger?: Logger;
}

/** KAFKA_BROKERS="a:9092, b:9092" → ['a:9092', 'b:9092']. */
export function parseBrokers(value: string): string[] {
  return value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

export function toKafkaMessage(record: BusRecord): MessageToProduce<string, string, string, string> {
  return { topic: record.topic, key: record.key, value: record.value, headers: new Map(Object.entries(record.headers)) };
}

type KafkaMessage = Pick<Message<string, string, string, string>, 'topic' | 'partition' | 'offset' | 'key' | 'value' | 'headers'>;

export function fromKafkaMessage(message: KafkaMessage): DeliveredRecord {
  const headers: Record<string, string> = {};
  for (const [k, v] of message.headers) headers[String(k)] = String(v);
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset.toString(),
    key: message.key ?? '',
    value: message.value ?? '',
    headers,
  };
}

export class KafkaBus implements Bus {
  readonly kind = 'kafka' as const;
  private readonly options: KafkaBusOptions;
  private producer: Producer<string, string, string, string> | undefined;
  private readonly consumers = new Set<Consumer<string, string, string, string>>();

  constructor(options: KafkaBusOptions) {
    if (options.brokers.length === 0) throw new Error('KafkaBus needs at least one broker (KAFKA_BROKERS)');
    this.options = options;
  }

  private base() {
    return {
      clientId: this.options.clientId,
      bootstrapBrokers: [...this.options.brokers],
      timeout: this.options.timeoutMs ?? 10_000,
      retries: 3,
    };
  }

  /** The producer's options: idempotent, acks from every in-sync replica. */
  private producerOptions() {
    return { ...this.base(), serializers: stringSerializers, idempotent: true, acks: ProduceAcks.ALL };
  }

  async publish(records: readonly BusRecord[]): Promise<void> {
    if (records.length === 0) return;
    this.producer ??= new Producer(this.producerOptions());
    await this.producer.send({ messages: records.map(toKafkaMessage) });
  }

  async subscribe(group: string, topics: readonly string[], handler: RecordHandler): Promise<Subscription> {
    const consumer = new Consumer({ ...this.base(), groupId: group, deserializers: stringDeserializers });
    this.consumers.add(consumer);
    const stream = await consumer.consume({
      topics: [...topics],
      autocommit: false,
      mode: MessagesStreamModes.COMMITTED,
      fallbackMode: MessagesStreamFallbackModes.EARLIEST,
    });
    let open = true;
    const loop = (async () => {
      for await (const message of stream) {
        if (!open) break;
        await handler(fromKafkaMessage(message));
        await message.commit();
      }
    })().catch((error: unknown) => {
      if (open) this.options.logger?.error('kafka consumer stopped', { group, error: error instanceof Error ? error.message : String(error) });
    });
    return {
      group,
      topics,
      close: async () => {
        open = false;
        await stream.close();
        await consumer.close();
        this.consumers.delete(consumer);
        await loop;
      },
    };
  }

  async close(): Promise<void> {
    for (const c of this.consumers) await c.close(true);
    this.consumers.clear();
    await this.producer?.close();
  }
}
