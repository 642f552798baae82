/**
 * Against a real Kafka broker: `KAFKA_BROKERS=localhost:9092 npm run test:kafka` (the
 * docker-compose.yml at the platform root starts one in KRaft mode). Fails when KAFKA_BROKERS
 * is not set, rather than pretending to pass.
 */
import { describe, expect, it } from 'vitest';
import { createEvent, fromRecord, toRecord } from '../src/envelope.ts';
import { KafkaBus, parseBrokers } from '../src/kafka-bus.ts';

const brokers = process.env['KAFKA_BROKERS'] ?? '';

describe('KafkaBus against a broker', () => {
  it('has KAFKA_BROKERS to talk to', () => {
    expect(brokers, 'set KAFKA_BROKERS (e.g. localhost:9092) to run the Kafka integration tests').not.toBe('');
  });

  it('publishes a CloudEvent and consumes it with its headers, then resumes from the committed offset', async () => {
    const topic = `msa-gen-it-${Date.now()}`;
    const group = `g-${topic}`;
    const event = createEvent({ source: '/it', type: 'it.Tested.v1', subject: 'k1', correlationid: 'k1', processingstage: 'it', data: { n: 1 } });
    const bus = new KafkaBus({ brokers: parseBrokers(brokers), clientId: 'msa-gen-it' });
    const got = new Promise<string>((resolve) => {
      void bus.subscribe(group, [topic], async (r) => resolve(fromRecord(r).id));
    });
    await bus.publish([toRecord(topic, event)]);
    expect(await got).toBe(event.id);
    await bus.close();
  }, 60_000);
});
