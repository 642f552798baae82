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
import { readFileSync } from 'node:fs';
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
  /** SASL credentials (KAFKA_SASL_*): every producer and consumer authenticates with them. */
  readonly sasl?: KafkaSasl;
  /** TLS to the brokers (KAFKA_TLS), with the cluster CA when KAFKA_TLS_CA_FILE names one. */
  readonly tls?: { readonly ca?: string };
}

export const saslMechanisms = ['SCRAM-SHA-512', 'SCRAM-SHA-256', 'PLAIN'] as const;
export type SaslMechanism = (typeof saslMechanisms)[number];

export interface KafkaSasl {
  readonly mechanism: SaslMechanism;
  readonly username: string;
  readonly password: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The connection security the environment asks for. KAFKA_SASL_USERNAME with KAFKA_SASL_PASSWORD
 * (or KAFKA_SASL_PASSWORD_FILE) and KAFKA_SASL_MECHANISM (SCRAM-SHA-512 unless set); KAFKA_TLS=true
 * with an optional KAFKA_TLS_CA_FILE. A half configuration is refused with an error naming what is
 * missing, so a service stops at start rather than failing to authenticate later.
 */
export function kafkaSecurityFrom(
  env: Env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): Pick<KafkaBusOptions, 'sasl' | 'tls'> {
  const set = (name: string) => {
    const v = env[name];
    return v === undefined || v === '' ? undefined : v;
  };
  const username = set('KAFKA_SASL_USERNAME');
  const passwordFile = set('KAFKA_SASL_PASSWORD_FILE');
  const password = set('KAFKA_SASL_PASSWORD') ?? (passwordFile === undefined ? undefined : readFile(passwordFile).trim());
  const mechanism = set('KAFKA_SASL_MECHANISM')?.toUpperCase();
  let sasl: KafkaSasl | undefined;
  if (username !== undefined || password !== undefined || mechanism !== undefined) {
    if (username === undefined) throw new Error('Kafka SASL is half configured: KAFKA_SASL_USERNAME is not set');
    if (password === undefined || password === '') {
      throw new Error('Kafka SASL is half configured: KAFKA_SASL_USERNAME is set, but neither KAFKA_SASL_PASSWORD nor KAFKA_SASL_PASSWORD_FILE');
    }
    const m = mechanism ?? 'SCRAM-SHA-512';
    if (!(saslMechanisms as readonly string[]).includes(m)) {
      throw new Error(`KAFKA_SASL_MECHANISM must be one of ${saslMechanisms.join(', ')}, not "${m}"`);
    }
    sasl = { mechanism: m as SaslMechanism, username, password };
  }
  const tlsValue = set('KAFKA_TLS')?.toLowerCase();
  if (tlsValue !== undefined && tlsValue !== 'true' && tlsValue !== 'false') {
    throw new Error(`KAFKA_TLS must be true or false, not "${tlsValue}"`);
  }
  const caFile = set('KAFKA_TLS_CA_FILE');
  if (caFile !== undefined && tlsValue !== 'true') throw new Error('KAFKA_TLS_CA_FILE is set, but KAFKA_TLS is not true');
  const tls = tlsValue === 'true' ? (caFile === undefined ? {} : { ca: readFile(caFile) }) : undefined;
  return { ...(sasl ? { sasl } : {}), ...(tls ? { tls } : {}) };
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
    const { sasl, tls } = this.options;
    return {
      clientId: this.options.clientId,
      bootstrapBrokers: [...this.options.brokers],
      timeout: this.options.timeoutMs ?? 10_000,
      retries: 3,
      ...(sasl ? { sasl: { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } } : {}),
      ...(tls ? { tls: tls.ca === undefined ? {} : { ca: tls.ca } } : {}),
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
