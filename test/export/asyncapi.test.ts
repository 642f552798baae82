/**
 * What the AsyncAPI export says, checked against sources it does not use: the Strimzi
 * KafkaTopics and the JSON schemas committed in examples/gov24 (what the platform really
 * creates and validates), and the model itself walked here for the topics, operations and
 * consumer groups each service should have.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { asyncApiDocument } from '../../src/export/asyncapi.js';
import type { ValidModel } from '../../src/model/valid.js';
import { MODEL_FILES, ROOT, modelFile } from './support.js';

type Doc = Record<string, any>;

/** Each event's topic, and its DLQ when a consumer can dead-letter it (a policy with dlq on, or a read model). */
function expectedTopics(model: ValidModel): string[] {
  const names: string[] = [];
  for (const e of model.events) {
    names.push(e.topic.name);
    const deadLettered = model.policies.some((p) => p.on.target === e && p.dlq) || model.readModels.some((r) => r.from.some((f) => f.target === e));
    if (deadLettered) names.push(e.dlq.name);
  }
  return names.sort();
}

describe('gov24, whole platform', () => {
  const model = modelFile('models/gov24.yaml');
  const doc: Doc = asyncApiDocument(model);

  it('has one channel per KafkaTopic of examples/gov24, with its partitions, replicas and retention', () => {
    const kafka = join(ROOT, 'examples', 'gov24', 'kafka');
    const topics = readdirSync(kafka).flatMap((ns) => loadAll(readFileSync(join(kafka, ns, 'topics.yaml'), 'utf8')) as Doc[]);
    expect(topics.length).toBeGreaterThan(20);
    expect(Object.keys(doc['channels']).sort()).toEqual(topics.map((t) => t['spec'].topicName).sort());
    for (const t of topics) {
      const channel = doc['channels'][t['spec'].topicName];
      expect(channel.address).toBe(t['spec'].topicName);
      const binding = channel.bindings.kafka;
      expect([binding.topic, binding.partitions, binding.replicas]).toEqual([t['spec'].topicName, t['spec'].partitions, t['spec'].replicas]);
      expect(String(binding.topicConfiguration['retention.ms'])).toBe(t['spec'].config['retention.ms']);
      expect(binding.topicConfiguration['cleanup.policy'].join(',')).toBe(t['spec'].config['cleanup.policy']);
    }
  });

  it('carries GeneralApplicationSubmitted\u2019s payload schema as the service validates it', () => {
    const file = join(ROOT, 'examples/gov24/services/application/src/generated/schemas/GeneralApplicationSubmitted.schema.json');
    const { $schema, ...schema } = JSON.parse(readFileSync(file, 'utf8'));
    expect($schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc['components'].schemas.GeneralApplicationSubmitted).toEqual(schema);
    const message = doc['components'].messages.GeneralApplicationSubmitted;
    expect(message.payload).toEqual({ $ref: '#/components/schemas/GeneralApplicationSubmitted' });
    expect(message.bindings.kafka.key.type).toBe('string');
    expect(message.headers.properties.ce_type.const).toBe('kr.go.gov24.GeneralApplicationSubmitted.v1');
    expect(message.headers.properties.ce_source.const).toBe('/gov24/application');
  });

  it('names as message headers exactly the attributes the runtime writes (envelope.ts toRecord)', () => {
    const envelope = readFileSync(join(ROOT, 'templates/runtime/src/envelope.ts'), 'utf8');
    const attributes = /const ATTRIBUTES = \[([^\]]+)\]/.exec(envelope)![1]!.match(/'([a-z]+)'/g)!.map((s) => `ce_${s.slice(1, -1)}`);
    const expected = ['ce_specversion', 'content-type', ...attributes].sort();
    for (const message of Object.values<Doc>(doc['components'].messages)) {
      if (message['name'] === 'DlqResolution') continue;
      const names = Object.keys(message['headers'].properties).filter((h) => !h.startsWith('dlq-'));
      expect(names.sort()).toEqual(expected);
    }
  });

  it('puts the dlq-* headers of the runtime (dlq.ts) on dead-lettered messages', () => {
    const dlq = readFileSync(join(ROOT, 'templates/runtime/src/dlq.ts'), 'utf8');
    const written = [...dlq.matchAll(/: '(dlq-[a-z-]+)'/g)].map((m) => m[1]!).filter((h) => h !== 'dlq-resolution');
    const message = doc['components'].messages['GeneralApplicationSubmitted.deadLettered'];
    expect(message.headers.required).toEqual(expect.arrayContaining(written));
    expect(doc['channels']['GeneralApplicationSubmitted.DLQ'].messages).toHaveProperty('DlqResolution');
  });

  it('gives each policy a receive operation with its consumer group, retry and DLQ', () => {
    const ops = Object.values<Doc>(doc['operations']);
    for (const p of model.policies) {
      const group = `gov24.${p.context.name}.${p.name}`;
      const op = ops.find((o) => o['x-consumer-group'] === group);
      expect(op, group).toBeDefined();
      expect(op!['action']).toBe('receive');
      expect(op!['channel']).toEqual({ $ref: `#/channels/${p.on.target.topic.name}` });
      expect(op!['bindings'].kafka.groupId.enum).toEqual([group]);
      expect(op!['x-retry'].maxAttempts).toBe(p.retry.maxAttempts);
      expect(op!['x-dlq']).toEqual(p.dlq ? { topic: p.on.target.dlq.name, retentionMs: model.platform.kafka.dlq.retentionMs } : false);
    }
  });
});

describe.each(MODEL_FILES)('%s', (file) => {
  const model = modelFile(file);
  const whole: Doc = asyncApiDocument(model);

  it('has a channel per event topic and per DLQ, and nothing else', () => {
    expect(Object.keys(whole['channels']).sort()).toEqual(expectedTopics(model));
  });

  it('each service sends its own events and receives with each policy and read model', () => {
    for (const context of model.contexts) {
      const ops = Object.values<Doc>(whole['operations']).filter((o) => o['x-service'] === context.name);
      const sentTopics = ops.filter((o) => o['action'] === 'send').map((o) => o['channel'].$ref.replace('#/channels/', ''));
      const own = context.aggregates.flatMap((a) => a.events.map((e) => e.topic.name));
      expect(sentTopics.filter((t) => !t.endsWith(model.platform.kafka.dlq.suffix)).sort()).toEqual([...own].sort());
      const groups = new Set(ops.filter((o) => o['action'] === 'receive').map((o) => o['x-consumer-group']));
      for (const p of context.policies) expect(groups).toContain(`${model.platform.name}.${context.name}.${p.name}`);
      for (const r of context.readModels) expect(groups).toContain(`${model.platform.name}.${context.name}.${r.name}`);
    }
  });

  it('per context: that service\u2019s operations only, and only the channels they use', () => {
    for (const context of model.contexts) {
      const doc: Doc = asyncApiDocument(model, { context });
      const ops = Object.values<Doc>(doc['operations']);
      expect(ops.every((o) => o['x-service'] === context.name)).toBe(true);
      const used = new Set(ops.map((o) => o['channel'].$ref.replace('#/channels/', '')));
      expect(Object.keys(doc['channels']).sort()).toEqual([...used].sort());
      expect(Object.keys(doc['operations'])).toEqual(Object.keys(whole['operations']).filter((id) => whole['operations'][id]['x-service'] === context.name));
    }
  });

  it('is the same document every time', () => {
    expect(JSON.stringify(asyncApiDocument(modelFile(file)))).toBe(JSON.stringify(whole));
  });
});

describe('a read model kept in memory (store: cache)', () => {
  const model = modelFile('models/examples/dmv-licence-renewal.yaml');
  const cached = model.readModels.filter((r) => r.store === 'cache');

  it('consumes under one group per instance, `<group>.<8 hex digits>`, as the runtime subscribes it', () => {
    expect(cached.length).toBeGreaterThan(0);
    const ops = Object.values<Doc>((asyncApiDocument(model) as Doc)['operations']);
    for (const r of cached) {
      const group = `${model.platform.name}.${r.context.name}.${r.name}`;
      const mine = ops.filter((o) => o['x-consumer-group'] === group);
      expect(mine).toHaveLength(new Set(r.from.map((f) => f.name)).size);
      for (const op of mine) {
        const pattern = new RegExp(op['bindings'].kafka.groupId.pattern);
        expect(pattern.test(`${group}.0a1b2c3d`)).toBe(true);
        expect(pattern.test(group)).toBe(false);
        expect(pattern.test(`${group}x0a1b2c3d`)).toBe(false);
        expect(op['x-consumer-group-per-instance']).toBe(true);
      }
    }
  });
});

describe('an orchestration saga (dmv)', () => {
  const model = modelFile('models/examples/dmv-licence-renewal.yaml');
  const saga = model.sagas.find((s) => s.coordination === 'orchestration')!;
  const orchestrator = saga.orchestrator?.target ?? saga.steps[0]!.command.target.context;
  const ops = Object.entries<Doc>((asyncApiDocument(model) as Doc)['operations']);

  it('its orchestrator receives every outcome event of every step under the saga\u2019s group, and dead-letters to their DLQs', () => {
    const group = `${model.platform.name}.${orchestrator.name}.${saga.name}`;
    const outcomes = new Set(saga.steps.flatMap((s) => s.command.target.emits.map((e) => e.target)));
    const mine = ops.filter(([, o]) => o['x-consumer-group'] === group);
    expect(mine.map(([, o]) => o['channel'].$ref).sort()).toEqual([...outcomes].map((e) => `#/channels/${e.topic.name}`).sort());
    for (const [, o] of mine) expect(o['x-dlq'].topic).toBe(`${o['channel'].$ref.replace('#/channels/', '')}${model.platform.kafka.dlq.suffix}`);
    const sends = new Set(ops.filter(([, o]) => o['x-service'] === orchestrator.name && o['action'] === 'send').map(([, o]) => o['channel'].$ref));
    for (const e of outcomes) expect(sends).toContain(`#/channels/${e.dlq.name}`);
  });
});
