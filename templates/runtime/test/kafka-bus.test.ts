/**
 * These tests cover the Kafka adapter as far as possible without a broker: record mapping,
 * configuration, a clear failure when no broker answers. The round trip against a real broker
 * is in integration/kafka.integration.test.ts (`npm run test:kafka` with KAFKA_BROKERS set).
 */
import { tracingChannel } from 'node:diagnostics_channel';
import { describe, expect, it } from 'vitest';
import { createEvent, fromRecord, toRecord } from '../src/envelope.ts';
import { KafkaBus, fromKafkaMessage, parseBrokers, toKafkaMessage } from '../src/kafka-bus.ts';

const event = createEvent({
  source: '/gov24/application',
  type: 'kr.go.gov24.GeneralApplicationSubmitted.v1',
  subject: 'app-7',
  correlationid: 'app-7',
  processingstage: 'application.GeneralApplicationSubmitted',
  data: { applicationId: 'app-7' },
});

describe('KafkaBus without a broker', () => {
  it('maps a record to a Kafka message and back (binary content mode)', () => {
    const record = toRecord('GeneralApplicationSubmitted', event);
    const message = toKafkaMessage(record);
    expect(message.topic).toBe('GeneralApplicationSubmitted');
    expect(message.key).toBe('app-7');
    expect(message.headers).toBeInstanceOf(Map);
    const delivered = fromKafkaMessage({
      topic: message.topic,
      partition: 2,
      offset: 41n,
      key: message.key!,
      value: message.value!,
      headers: message.headers as Map<string, string>,
    });
    expect(delivered).toMatchObject({ partition: 2, offset: '41', key: 'app-7' });
    expect(fromRecord(delivered)).toEqual(event);
  });

  it('parses KAFKA_BROKERS and refuses an empty list', () => {
    expect(parseBrokers(' a:9092, b:9093 ,')).toEqual(['a:9092', 'b:9093']);
    expect(() => new KafkaBus({ brokers: [], clientId: 'x' })).toThrow(/at least one broker/);
  });

  it('fails with an error, not a hang, when no broker answers', async () => {
    const bus = new KafkaBus({ brokers: ['127.0.0.1:9'], clientId: 'test', timeoutMs: 500 });
    const started = performance.now();
    await expect(bus.publish([toRecord('t', event)])).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(20_000);
    await bus.close();
  }, 30_000);

  it('publishes with the options @platformatic/kafka really receives: acks from all in-sync replicas, idempotent', async () => {
    // The client's own tracing channels report each send with its resolved options, and the
    // initialisation of an idempotent producer (which needs a broker: here it fails).
    const sends: Array<{ acks?: number; idempotent?: boolean }> = [];
    let idempotentInits = 0;
    const sendsChannel = tracingChannel<unknown, { options: { acks?: number; idempotent?: boolean } }>('plt:kafka:producer:sends');
    const initChannel = tracingChannel<unknown, object>('plt:kafka:producer:initIdempotent');
    const ignore = { end() {}, asyncStart() {}, asyncEnd() {}, error() {} };
    const onSend = { ...ignore, start: (ctx: { options: { acks?: number; idempotent?: boolean } }) => void sends.push({ ...ctx.options }) };
    const onInit = { ...ignore, start: () => void idempotentInits++ };
    sendsChannel.subscribe(onSend);
    initChannel.subscribe(onInit);
    const bus = new KafkaBus({ brokers: ['127.0.0.1:9'], clientId: 'test', timeoutMs: 500 });
    try {
      await expect(bus.publish([toRecord('t', event)])).rejects.toThrow();
    } finally {
      sendsChannel.unsubscribe(onSend);
      initChannel.unsubscribe(onInit);
      await bus.close();
    }
    expect(sends).toHaveLength(1);
    expect(sends[0]!.acks).toBe(-1); // ProduceAcks.ALL; the client's default is 1 (the leader only)
    expect(idempotentInits).toBeGreaterThan(0);
  }, 30_000);
});
