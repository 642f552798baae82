/**
 * Strimzi KafkaUsers: one per service, validated against Strimzi's own CRD schema
 * (test/schemas/strimzi-kafkauser-crd.yaml), their ACLs compared with what each service does on
 * Kafka, worked out here from the IR (not through the generator's helpers): the topics it
 * produces (its events, the DLQs its consumers dead-letter to), the topics and groups it
 * consumes, DLQs included.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateKafkaTopics } from '../../src/generators/kafka/index.js';
import type { GenerateRequest } from '../../src/generators/types.js';
import type { Command, Context, Event, Model } from '../../src/model/valid.js';
import { validateModelText } from '../../src/model/validate.js';
import { crdValidator } from '../support/crd.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures');
const MODELS = [
  ['minimal', join(fixtures, 'minimal', 'model.yaml')],
  ['scaffold-kafka-helm', join(fixtures, 'scaffold-kafka-helm', 'model.yaml')],
  ['gov24', join(root, 'models', 'gov24.yaml')],
] as const;

function modelFromText(name: string, text: string): Model {
  const result = validateModelText(name, text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
  return result.valid!;
}

const modelOf = (file: string): Model => modelFromText(relative(root, file), readFileSync(file, 'utf8'));

const request = (model: Model): GenerateRequest => ({ model, templates: new Map(), options: { toolVersion: '0.0.0-test' } });

interface Acl {
  resource: { type: string; name: string; patternType: string };
  operations: string[];
}

interface KafkaUserDoc {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: { authentication: { type: string }; authorization: { type: string; acls: Acl[] } };
}

interface TopicDoc {
  kind: string;
  metadata: { namespace: string; labels: Record<string, string> };
  spec: { topicName: string };
}

/** What a service does on Kafka, from the IR and the runtime's documented behaviour. */
interface Expected {
  writes: Set<string>;
  reads: Set<string>;
  groups: Set<string>;
  prefixes: Set<string>;
}

const commandEvents = (command: Command | undefined): Event[] => (command ? command.emits.map((r) => r.target) : []);

function expectedAccess(model: Model, context: Context): Expected {
  const p = model.platform.name;
  const group = (name: string) => `${p}.${context.name}.${name}`;
  const x: Expected = { writes: new Set(), reads: new Set(), groups: new Set(), prefixes: new Set() };
  const dlqListened = new Set<string>();
  // The outbox relay publishes the events of the context's aggregates.
  for (const event of model.events) if (event.context === context) x.writes.add(event.topic.name);
  for (const policy of model.policies) {
    if (policy.context !== context) continue;
    x.reads.add(policy.on.target.topic.name);
    x.groups.add(group(policy.name));
    if (policy.dlq) dlqListened.add(policy.on.target.dlq.name);
  }
  for (const readModel of model.readModels) {
    if (readModel.context !== context) continue;
    if (readModel.store === 'cache') x.prefixes.add(`${group(readModel.name)}.`);
    else x.groups.add(group(readModel.name));
    for (const from of readModel.from) {
      x.reads.add(from.target.topic.name);
      dlqListened.add(from.target.dlq.name);
    }
  }
  for (const saga of model.sagas) {
    const steps = saga.steps.map((s) => ({ command: s.command.target, compensation: s.compensation?.target }));
    if (saga.coordination === 'orchestration') {
      const orchestrator = saga.orchestrator?.target ?? steps[0]?.command?.context;
      if (orchestrator !== context) continue;
      x.groups.add(group(saga.name));
      for (const step of steps) {
        for (const event of commandEvents(step.command)) {
          x.reads.add(event.topic.name);
          x.writes.add(event.dlq.name);
        }
      }
      continue;
    }
    // Choreography: the context compensating step n watches each later step m for failure.
    steps.forEach((step, n) => {
      if (step.compensation?.context !== context) return;
      for (let m = n + 1; m < steps.length; m++) {
        for (const event of commandEvents(steps[m - 1]!.command)) {
          const starters = model.policies.filter((pol) => pol.on.target === event && pol.then.target === steps[m]!.command && pol.dlq);
          if (starters.length > 0) dlqListened.add(event.dlq.name);
        }
        for (const failure of commandEvents(steps[m]!.command).filter((e) => e.failure)) {
          if (leadsTo(model, failure, step.compensation!, context)) continue;
          x.reads.add(failure.topic.name);
          x.writes.add(failure.dlq.name);
          x.groups.add(group(`${saga.name}.${step.compensation!.name}.${failure.name}`));
        }
      }
    });
  }
  if (dlqListened.size > 0) {
    x.groups.add(group('dlq'));
    for (const topic of dlqListened) {
      x.reads.add(topic);
      x.writes.add(topic);
    }
  }
  return x;
}

/** Whether the model's own policies lead from `event` to `command` in `context` (then no compensation consumer is needed). */
function leadsTo(model: Model, event: Event, command: Command, context: Context): boolean {
  const seen = new Set<Event>();
  const queue = [event];
  while (queue.length > 0) {
    const e = queue.shift()!;
    if (seen.has(e)) continue;
    seen.add(e);
    for (const pol of model.policies.filter((q) => q.on.target === e)) {
      if (pol.context === context && pol.then.target === command) return true;
      queue.push(...commandEvents(pol.then.target));
    }
  }
  return false;
}

/** The access a KafkaUser's ACLs grant. */
function granted(user: KafkaUserDoc): Expected {
  const x: Expected = { writes: new Set(), reads: new Set(), groups: new Set(), prefixes: new Set() };
  for (const acl of user.spec.authorization.acls) {
    const { type, name, patternType } = acl.resource;
    if (type === 'topic') {
      expect(patternType, name).toBe('literal');
      expect(acl.operations, name).toContain('Describe');
      if (acl.operations.includes('Read')) x.reads.add(name);
      if (acl.operations.includes('Write')) x.writes.add(name);
      expect(acl.operations.every((o) => ['Describe', 'Read', 'Write'].includes(o)), name).toBe(true);
    } else {
      expect(type).toBe('group');
      expect(acl.operations).toEqual(['Read']);
      (patternType === 'prefix' ? x.prefixes : x.groups).add(name);
    }
  }
  return x;
}

const ORCHESTRATED = `
version: 1
platform:
  name: licences
contexts:
  - name: renewal
    aggregates:
      - name: Renewal
        fields:
          renewalId: { type: uuid, key: true }
          holderId: { type: string, pii: true }
        commands:
          - name: SubmitRenewal
            actor: Holder
            http: POST /renewals
            emits: [RenewalSubmitted]
          - name: RejectRenewal
            emits: [RenewalRejected]
        events:
          - name: RenewalSubmitted
            fields: [renewalId, holderId]
          - name: RenewalRejected
            fields: [renewalId]
            terminal: true
  - name: payment
    aggregates:
      - name: Payment
        fields:
          renewalId: { type: uuid, key: true }
          amount: money
        commands:
          - name: CapturePayment
            http: POST /payments/{renewalId}/capture
            fields: [renewalId, amount]
            emits: [PaymentCaptured]
          - name: RefundPayment
            http: POST /payments/{renewalId}/refund
            fields: [renewalId]
            emits: [PaymentRefunded]
        events:
          - name: PaymentCaptured
            fields: [renewalId, amount]
          - name: PaymentRefunded
            fields: [renewalId]
            terminal: true
  - name: fulfilment
    aggregates:
      - name: Card
        fields:
          renewalId: { type: uuid, key: true }
        commands:
          - name: IssueLicenceCard
            http: POST /cards/{renewalId}
            emits: [LicenceCardIssued]
        events:
          - name: LicenceCardIssued
            fields: [renewalId]
sagas:
  - name: LicenceRenewal
    coordination: orchestration
    orchestrator: renewal
    steps:
      - command: SubmitRenewal
        compensation: RejectRenewal
      - command: CapturePayment
        compensation: RefundPayment
      - command: IssueLicenceCard
`;

const sortedList = (set: Set<string>) => [...set].sort();

describe.each(MODELS)('KafkaUsers of %s', (_label, file) => {
  const model = modelOf(file);
  const files = generateKafkaTopics(request(model));
  const kafkaNs = model.platform.namespace;
  const usersFile = files.find((f) => f.path === `kafka/${kafkaNs}/users.yaml`);
  const users = (loadAll(usersFile?.content ?? '') as (KafkaUserDoc | null)[]).filter((d): d is KafkaUserDoc => d !== null);
  const topicsFile = files.find((f) => f.path === `kafka/${kafkaNs}/topics.yaml`);
  const topics = (loadAll(topicsFile?.content ?? '') as (TopicDoc | null)[]).filter((d): d is TopicDoc => d !== null);
  const validate = crdValidator('strimzi-kafkauser-crd.yaml', 'KafkaUser', 'v1', { closed: true });

  it('has one KafkaUser per service, in the Kafka cluster namespace, labelled with the cluster', () => {
    expect(usersFile).toBeDefined();
    expect(users.map((u) => u.metadata.name).sort()).toEqual(model.contexts.map((c) => `${model.platform.name}-${c.name}`).sort());
    for (const user of users) {
      expect(user.apiVersion).toBe('kafka.strimzi.io/v1');
      expect(user.kind).toBe('KafkaUser');
      expect(user.metadata.namespace).toBe(kafkaNs);
      expect(user.metadata.labels['strimzi.io/cluster']).toBe(model.platform.kafka.cluster);
      expect(user.spec.authentication.type).toBe('scram-sha-512');
      expect(user.spec.authorization.type).toBe('simple');
    }
  });

  it('validates every KafkaUser against Strimzi’s CRD schema (v1, unknown fields refused)', () => {
    expect(users.length).toBe(model.contexts.length);
    for (const user of users) {
      const ok = validate(user);
      expect(validate.errors ?? [], user.metadata.name).toEqual([]);
      expect(ok).toBe(true);
    }
    // The closed schema does refuse what the API server would prune.
    const misspelt = structuredClone(users[0]!) as unknown as { spec: Record<string, unknown> };
    misspelt.spec['authorisation'] = misspelt.spec['authorization'];
    expect(validate(misspelt)).toBe(false);
  });

  it('grants each service exactly the topics it produces and consumes and its consumer groups (DLQs included)', () => {
    for (const context of model.contexts) {
      const user = users.find((u) => u.metadata.name === `${model.platform.name}-${context.name}`)!;
      const want = expectedAccess(model, context);
      const got = granted(user);
      expect(sortedList(got.writes), `${context.name} writes`).toEqual(sortedList(want.writes));
      expect(sortedList(got.reads), `${context.name} reads`).toEqual(sortedList(want.reads));
      expect(sortedList(got.groups), `${context.name} groups`).toEqual(sortedList(want.groups));
      expect(sortedList(got.prefixes), `${context.name} group prefixes`).toEqual(sortedList(want.prefixes));
    }
  });

  it('lets exactly one service write each event topic, and someone read every DLQ it writes', () => {
    const all = users.map(granted);
    for (const event of model.events) {
      const writers = users.filter((_u, i) => all[i]!.writes.has(event.topic.name)).map((u) => u.metadata.name);
      expect(writers, event.topic.name).toEqual([`${model.platform.name}-${event.context.name}`]);
    }
    const dlqTopics = topics.filter((t) => t.metadata.labels['app.kubernetes.io/component'] === 'dead-letter-topic');
    for (const dlq of dlqTopics) {
      const name = dlq.spec.topicName;
      expect(all.some((a) => a.writes.has(name)), `a writer of ${name}`).toBe(true);
      expect(all.some((a) => a.reads.has(name)), `a reader of ${name}`).toBe(true);
    }
  });

  it('puts every KafkaTopic in the namespace its Topic Operator watches (the Kafka cluster’s)', () => {
    expect(topics.length).toBeGreaterThan(0);
    for (const topic of topics) {
      expect(topic.kind).toBe('KafkaTopic');
      expect(topic.metadata.namespace).toBe(kafkaNs);
      expect(topic.metadata.labels['strimzi.io/cluster']).toBe(model.platform.kafka.cluster);
    }
    // The topic of every event exists there.
    const names = new Set(topics.map((t) => t.spec.topicName));
    for (const event of model.events) expect(names.has(event.topic.name), event.topic.name).toBe(true);
  });

  it('creates every topic a service may read or write (no ACL on a topic that never exists)', () => {
    expect(missingTopics(users, topics)).toEqual([]);
  });
});

/** Topics some KafkaUser's ACLs name that no KafkaTopic creates (the users lack Create). */
function missingTopics(users: readonly KafkaUserDoc[], topics: readonly TopicDoc[]): string[] {
  const names = new Set(topics.map((t) => t.spec.topicName));
  const acled = users.flatMap((u) => u.spec.authorization.acls).filter((a) => a.resource.type === 'topic').map((a) => a.resource.name);
  return [...new Set(acled)].filter((name) => !names.has(name)).sort();
}

describe('KafkaUsers of an orchestration saga', () => {
  // An orchestrator in the context of the first step sends the others over HTTP.
  const model = modelFromText('orchestrated.yaml', ORCHESTRATED);
  const saga = model.sagas[0]!;
  const orchestrator = saga.steps[0]!.command.target!.context;
  const users = (loadAll(generateKafkaTopics(request(model)).find((f) => f.path.endsWith('/users.yaml'))!.content) as (KafkaUserDoc | null)[])
    .filter((d): d is KafkaUserDoc => d !== null);

  it('lets the orchestrator read the outcome events of every step under the saga’s group', () => {
    expect(saga.coordination).toBe('orchestration');
    const user = users.find((u) => u.metadata.name === `${model.platform.name}-${orchestrator.name}`)!;
    const got = granted(user);
    expect(got.groups.has(`${model.platform.name}.${orchestrator.name}.${saga.name}`)).toBe(true);
    for (const step of saga.steps) {
      for (const event of commandEvents(step.command.target)) expect(got.reads.has(event.topic.name), event.topic.name).toBe(true);
    }
    for (const context of model.contexts) {
      const u = users.find((x) => x.metadata.name === `${model.platform.name}-${context.name}`)!;
      const want = expectedAccess(model, context);
      expect(sortedList(granted(u).reads), context.name).toEqual(sortedList(want.reads));
      expect(sortedList(granted(u).groups), context.name).toEqual(sortedList(want.groups));
    }
  });

  it('creates the DLQ of every outcome event, where the orchestrator dead-letters what it cannot process', () => {
    // Nothing but the orchestrator consumes these events here (no policy, no read model).
    const topics = (loadAll(generateKafkaTopics(request(model)).find((f) => f.path.endsWith('/topics.yaml'))!.content) as (TopicDoc | null)[])
      .filter((d): d is TopicDoc => d !== null);
    const names = new Set(topics.map((t) => t.spec.topicName));
    for (const step of saga.steps) {
      for (const event of commandEvents(step.command.target)) expect(names.has(event.dlq.name), event.dlq.name).toBe(true);
    }
    expect(missingTopics(users, topics)).toEqual([]);
  });
});
