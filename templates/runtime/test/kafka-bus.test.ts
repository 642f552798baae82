/**
 * These tests cover the Kafka adapter as far as possible without a broker: record mapping,
 * configuration, a clear failure when no broker answers. The round trip against a real broker
 * is in integration/kafka.integration.test.ts (`npm run test:kafka` with KAFKA_BROKERS set).
 */
import { tracingChannel } from 'node:diagnostics_channel';
import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createEvent, fromRecord, toRecord } from '../src/envelope.ts';
import { busFrom } from '../src/host.ts';
import { KafkaBus, fromKafkaMessage, kafkaSecurityFrom, parseBrokers, toKafkaMessage } from '../src/kafka-bus.ts';

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

  it('reads SASL and TLS from the environment: SCRAM-SHA-512 by default, the password from a file, the CA', () => {
    const files: Record<string, string> = { '/run/secret/password': 'pa55\n', '/run/ca/ca.crt': 'CA PEM' };
    const read = (path: string) => files[path] ?? '';
    expect(kafkaSecurityFrom({})).toEqual({});
    expect(kafkaSecurityFrom({ KAFKA_SASL_USERNAME: 'gov24-application', KAFKA_SASL_PASSWORD: 'pw' }).sasl).toEqual({
      mechanism: 'SCRAM-SHA-512',
      username: 'gov24-application',
      password: 'pw',
    });
    const fromFile = kafkaSecurityFrom(
      { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD_FILE: '/run/secret/password', KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: '/run/ca/ca.crt' },
      read,
    );
    expect(fromFile).toEqual({ sasl: { mechanism: 'PLAIN', username: 'u', password: 'pa55' }, tls: { ca: 'CA PEM' } });
    expect(kafkaSecurityFrom({ KAFKA_TLS: 'false' })).toEqual({});
    expect(kafkaSecurityFrom({ KAFKA_TLS: 'true' })).toEqual({ tls: {} });
    expect(() => kafkaSecurityFrom({ KAFKA_SASL_MECHANISM: 'GSSAPI', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toThrow(/KAFKA_SASL_MECHANISM must be one of/);
    expect(() => kafkaSecurityFrom({ KAFKA_SASL_PASSWORD: 'p' })).toThrow(/KAFKA_SASL_USERNAME is not set/);
    expect(() => kafkaSecurityFrom({ KAFKA_TLS: 'yes' })).toThrow(/KAFKA_TLS must be true or false/);
    expect(() => kafkaSecurityFrom({ KAFKA_TLS_CA_FILE: '/run/ca/ca.crt' }, read)).toThrow(/KAFKA_TLS is not true/);
  });

  it('refuses a half configuration (a username without a password) when the bus is made at start', () => {
    const env = { KAFKA_BROKERS: '127.0.0.1:9', KAFKA_SASL_USERNAME: 'gov24-application' };
    expect(() => busFrom(env, 'test')).toThrow(/KAFKA_SASL_USERNAME is set, but neither KAFKA_SASL_PASSWORD nor KAFKA_SASL_PASSWORD_FILE/);
    const bus = busFrom({ ...env, KAFKA_SASL_PASSWORD: 'pw' }, 'test');
    expect(bus.kind).toBe('kafka');
  });

  /**
   * A listener that records what a client sends: a TLS ClientHello, or Kafka requests. With
   * `answerProbe` it answers the SASL path's ApiVersions v1 probe (no APIs advertised), so that
   * the client goes on to the SASL handshake; it closes the connection on anything else.
   */
  async function listener(answerProbe = false) {
    const seen: Array<{ apiKey: number; payload: string } | 'tls'> = [];
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('data', (chunk: Buffer) => {
        if (chunk[0] === 0x16) {
          seen.push('tls'); // a TLS handshake record, not a Kafka request
          socket.destroy();
          return;
        }
        const apiKey = chunk.readInt16BE(4);
        seen.push({ apiKey, payload: chunk.toString('latin1') });
        if (answerProbe && apiKey === 18 && chunk.readInt16BE(6) === 1) {
          // ApiVersions v1 response: size, correlation id, error 0, no API keys, throttle 0.
          const reply = Buffer.alloc(18);
          reply.writeInt32BE(14, 0);
          reply.writeInt32BE(chunk.readInt32BE(8), 4);
          socket.write(reply);
        } else {
          socket.destroy();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    return {
      broker: `127.0.0.1:${port}`,
      seen,
      close: () => {
        for (const s of sockets) s.destroy();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  it('the producer and the consumer open each connection with the SASL handshake, in the configured mechanism', async () => {
    const broker = await listener(true);
    const security = kafkaSecurityFrom({ KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256', KAFKA_SASL_USERNAME: 'gov24-application', KAFKA_SASL_PASSWORD: 'pw' });
    const bus = new KafkaBus({ brokers: [broker.broker], clientId: 'test', timeoutMs: 500, ...security });
    try {
      await expect(bus.publish([toRecord('t', event)])).rejects.toThrow();
      const sub = await bus.subscribe('g', ['t'], async () => {}).catch((e: unknown) => e);
      if (sub && typeof sub === 'object' && 'close' in sub) await (sub as { close: () => Promise<void> }).close();
    } finally {
      await bus.close();
      await broker.close();
    }
    const handshakes = broker.seen.filter((r) => r !== 'tls' && r.apiKey === 17);
    expect(handshakes.length).toBeGreaterThan(0);
    for (const h of handshakes) expect(h !== 'tls' && h.payload).toContain('SCRAM-SHA-256');
    // Nothing but ApiVersions and the handshake before authentication: no unauthenticated Metadata.
    expect(broker.seen.every((r) => r !== 'tls' && (r.apiKey === 18 || r.apiKey === 17))).toBe(true);
  }, 60_000);

  it('speaks TLS to the broker when KAFKA_TLS=true, plain Kafka otherwise', async () => {
    const broker = await listener();
    const tlsBus = new KafkaBus({ brokers: [broker.broker], clientId: 'test', timeoutMs: 500, ...kafkaSecurityFrom({ KAFKA_TLS: 'true' }) });
    try {
      await expect(tlsBus.publish([toRecord('t', event)])).rejects.toThrow();
    } finally {
      await tlsBus.close();
    }
    expect(broker.seen[0]).toBe('tls');
    const count = broker.seen.length;
    const plainBus = new KafkaBus({ brokers: [broker.broker], clientId: 'test', timeoutMs: 500 });
    try {
      await expect(plainBus.publish([toRecord('t', event)])).rejects.toThrow();
    } finally {
      await plainBus.close();
      await broker.close();
    }
    expect(broker.seen.slice(count)).not.toContain('tls');
    expect(broker.seen.length).toBeGreaterThan(count);
  }, 60_000);
});
