/**
 * `msa-gen export asyncapi`: the platform's event contracts as an AsyncAPI 3.0 document, for the
 * whole platform or one bounded context. Pure: a ValidModel in, a plain object out (format.ts
 * writes it as YAML or JSON).
 *
 * - Channels: one per Kafka topic the platform creates (each event's topic, and the DLQ of each
 *   event that has one: src/generators/plan/topics.ts decides), with Kafka bindings (partitions,
 *   replicas, topic configuration) and the DLQ policy as `x-` extensions.
 * - Messages: one per event, its payload the JSON Schema the producing service validates
 *   against (json-schema.ts), its headers the CloudEvents attributes the runtime writes in Kafka
 *   binary mode (templates/runtime/src/envelope.ts), its Kafka key the aggregate key. A DLQ
 *   carries the original record plus the `dlq-*` headers (templates/runtime/src/dlq.ts), and
 *   resolution records (replayed, compensated).
 * - Operations, per service: `send` for each event it emits and each DLQ it dead-letters to;
 *   `receive` for each consumer group it runs (policies, read-model projections, saga
 *   orchestrators and compensations, its DLQ watcher), with the consumer group as the Kafka
 *   operation binding and the retry policy as `x-retry`.
 */
import type { Context, Event, Model, RetrySettings, Topic } from '../model/valid.js';
import { kafkaBootstrapServers } from '../generators/names/kubernetes.js';
import { compareCodeUnits } from '../generators/names/order.js';
import { compensations, orchestrations, platformRetry } from '../generators/plan/service.js';
import { dlqListenerGroup } from '../generators/plan/groups.js';
import { consumptions, consumerGroupOf, hasDlq, plannedTopics, type PlannedTopic } from '../generators/plan/topics.js';
import { embedded, eventPayloadSchema } from './json-schema.js';

/** The version of the Kafka bindings written (AsyncAPI bindings repository). */
const KAFKA_BINDING_VERSION = '0.5.0';
/** `info.version`: the contract's version; the model has none of its own, so a fixed one (see docs/export.md). */
export const CONTRACT_VERSION = '1.0.0';
/** The message of a DLQ resolution record, shared by every DLQ channel. */
const RESOLUTION_MESSAGE = 'DlqResolution';

type Doc = Record<string, unknown>;

export interface AsyncApiOptions {
  /** Only this context's service: its operations and the channels they use. Undefined: the whole platform. */
  readonly context?: Context;
}

const ref = (pointer: string) => ({ $ref: pointer });
/** A JSON Pointer token (RFC 6901). Model names never hold `~` or `/`; escaped all the same. */
const token = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');
const channelRef = (topic: string) => ref(`#/channels/${token(topic)}`);
const deadLetterName = (event: Event) => `${event.name}.deadLettered`;

/** The CloudEvents attributes the runtime writes as `ce_*` headers (envelope.ts, Kafka binary mode). */
function cloudEventHeaders(model: Model, event: Event): Doc {
  return {
    type: 'object',
    description: 'CloudEvents 1.0 attributes in Kafka binary content mode: the event data is the record value.',
    required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject', 'ce_correlationid', 'ce_processingstage', 'content-type'],
    properties: {
      ce_specversion: { type: 'string', const: '1.0' },
      ce_id: { type: 'string', format: 'uuid', description: 'Unique per event; with ce_source the key of the consumers\u2019 inbox.' },
      ce_source: { type: 'string', const: `/${model.platform.name}/${event.context.name}`, description: 'The producing service.' },
      ce_type: { type: 'string', const: event.type },
      ce_time: { type: 'string', format: 'date-time' },
      ce_subject: { type: 'string', description: `The aggregate key (${event.aggregate.key.name}); also the Kafka record key.` },
      ce_correlationid: { type: 'string', description: 'Extension: the key of the aggregate that started the flow, carried by every later event.' },
      ce_processingstage: { type: 'string', const: `${event.context.name}.${event.name}` },
      'content-type': { type: 'string', const: 'application/json' },
    },
  };
}

/** The headers the runtime adds to a dead-lettered record (dlq.ts), besides the original's. */
const DLQ_HEADERS: Record<string, Doc> = {
  'dlq-original-topic': { type: 'string' },
  'dlq-original-partition': { type: 'string', pattern: '^[0-9]+$' },
  'dlq-original-offset': { type: 'string', pattern: '^[0-9]+$' },
  'dlq-consumer-group': { type: 'string', description: 'The consumer group that failed the record.' },
  'dlq-exception-type': { type: 'string' },
  'dlq-exception-message': { type: 'string', maxLength: 1000 },
  'dlq-attempts': { type: 'string', pattern: '^[0-9]+$' },
  'dlq-record-id': { type: 'string', pattern: '^[0-9a-f]{32}$', description: 'Stable id of this failure in this consumer group.' },
};

function kafkaKey(event: Event): Doc {
  return {
    kafka: {
      key: { type: 'string', description: `The aggregate key, ${event.aggregate.name}.${event.aggregate.key.name}.` },
      bindingVersion: KAFKA_BINDING_VERSION,
    },
  };
}

function eventMessage(model: Model, event: Event): Doc {
  return {
    name: event.name,
    title: event.name,
    summary: `${event.failure ? 'Failure event' : 'Event'} of ${event.aggregate.name} (${event.context.name}), CloudEvents type ${event.type}.`,
    ...(event.description ? { description: event.description } : {}),
    contentType: 'application/json',
    headers: cloudEventHeaders(model, event),
    payload: ref(`#/components/schemas/${token(event.name)}`),
    correlationId: { location: '$message.header#/ce_correlationid' },
    bindings: kafkaKey(event),
    'x-cloudevents-type': event.type,
    'x-event-version': event.version,
    ...(event.failure ? { 'x-failure': true } : {}),
    ...(event.terminal ? { 'x-terminal': true } : {}),
  };
}

function deadLetterMessage(model: Model, event: Event): Doc {
  const headers = cloudEventHeaders(model, event);
  return {
    name: deadLetterName(event),
    title: `${event.name} (dead-lettered)`,
    summary: `A ${event.name} record a consumer group gave up on: the original key, value and headers, plus where it came from and why it failed.`,
    contentType: 'application/json',
    headers: {
      ...headers,
      description: 'The original record\u2019s CloudEvents headers and the dead-letter headers.',
      required: [...(headers['required'] as string[]), ...Object.keys(DLQ_HEADERS)],
      properties: { ...(headers['properties'] as Doc), ...DLQ_HEADERS },
    },
    payload: ref(`#/components/schemas/${token(event.name)}`),
    correlationId: { location: '$message.header#/ce_correlationid' },
    bindings: kafkaKey(event),
  };
}

const resolutionMessage: Doc = {
  name: RESOLUTION_MESSAGE,
  title: 'DLQ resolution',
  summary: 'What became of a dead-lettered record: replayed by an operator or compensated by its saga. Every service reading the DLQ agrees on it.',
  contentType: 'application/json',
  headers: {
    type: 'object',
    required: ['dlq-record-id', 'dlq-resolution'],
    properties: {
      'dlq-record-id': DLQ_HEADERS['dlq-record-id'],
      'dlq-resolution': { type: 'string', enum: ['replayed', 'compensated'] },
    },
  },
  payload: { type: 'null' },
};

function topicBindings(topic: Topic, retentionMs: number): Doc {
  return {
    kafka: {
      topic: topic.name,
      partitions: topic.partitions,
      replicas: topic.replicas,
      topicConfiguration: {
        'cleanup.policy': topic.cleanupPolicy.split(','),
        'retention.ms': retentionMs,
        ...(topic.maxMessageBytes !== undefined ? { 'max.message.bytes': topic.maxMessageBytes } : {}),
      },
      bindingVersion: KAFKA_BINDING_VERSION,
    },
  };
}

function channel(model: Model, planned: PlannedTopic): Doc {
  const { event, topic } = planned;
  if (planned.kind === 'topic') {
    return {
      address: topic.name,
      title: event.name,
      description: `${event.name} events of ${event.aggregate.name}, produced by ${event.context.name}; keyed by ${event.aggregate.key.name}.`,
      messages: { [event.name]: ref(`#/components/messages/${token(event.name)}`) },
      bindings: topicBindings(topic, topic.retentionMs),
      'x-min-in-sync-replicas': topic.minInSyncReplicas,
      ...(hasDlq(model, event) ? { 'x-dlq': event.dlq.name } : {}),
    };
  }
  return {
    address: topic.name,
    title: `${event.name} DLQ`,
    description: `Dead-letter topic of ${event.topic.name}: records a consumer group gave up on after its retries, and their resolutions.`,
    messages: {
      [deadLetterName(event)]: ref(`#/components/messages/${token(deadLetterName(event))}`),
      [RESOLUTION_MESSAGE]: ref(`#/components/messages/${RESOLUTION_MESSAGE}`),
    },
    bindings: topicBindings(topic, model.platform.kafka.dlq.retentionMs),
    'x-min-in-sync-replicas': topic.minInSyncReplicas,
    'x-dead-letter-of': event.topic.name,
  };
}

const retryExtension = (retry: RetrySettings): Doc => ({
  maxAttempts: retry.maxAttempts,
  backoffMs: retry.backoffMs,
  multiplier: retry.multiplier,
  maxBackoffMs: retry.maxBackoffMs,
});

const dlqExtension = (model: Model, event: Event): Doc => ({ topic: event.dlq.name, retentionMs: model.platform.kafka.dlq.retentionMs });

interface Operation {
  readonly id: string;
  readonly body: Doc;
  /** Topics the operation uses (its channel). */
  readonly topic: string;
}

function groupBinding(group: string): Doc {
  return { kafka: { groupId: { type: 'string', enum: [group] }, bindingVersion: KAFKA_BINDING_VERSION } };
}

/** `<group>.<instance id>` (8 hex digits, service.ts): the group of one instance of a service that keeps a read model in memory. */
function instanceGroupBinding(group: string): Doc {
  const escaped = group.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { kafka: { groupId: { type: 'string', pattern: `^${escaped}\\.[0-9a-f]{8}$` }, bindingVersion: KAFKA_BINDING_VERSION } };
}

/** Every operation of one context's service, in a stable order. */
function serviceOperations(model: Model, context: Context): Operation[] {
  const ops: Operation[] = [];
  const service = context.name;
  const messageRef = (topic: string, message: string) => ref(`#/channels/${token(topic)}/messages/${token(message)}`);

  for (const event of context.aggregates.flatMap((a) => a.events)) {
    ops.push({
      id: `${service}.send.${event.topic.name}`,
      topic: event.topic.name,
      body: {
        action: 'send',
        channel: channelRef(event.topic.name),
        title: `${service} emits ${event.name}`,
        summary: `Through the outbox, after the command that emits it commits.`,
        messages: [messageRef(event.topic.name, event.name)],
        'x-service': service,
      },
    });
  }

  const dlqTopics = new Set<Event>();
  for (const c of consumptions(context)) {
    const dlq = c.kind === 'policy' ? c.consumer.dlq : true;
    const retry = c.kind === 'policy' ? c.consumer.retry : platformRetry(model);
    const group = consumerGroupOf(c, model);
    // A cache lives in one process: each instance reads every record under a group of its own, `<group>.<instance>`.
    const perInstance = c.kind === 'projection' && c.consumer.store === 'cache';
    const what = c.kind === 'policy' ? `policy ${c.consumer.name} (then ${c.consumer.then.name})` : `read model ${c.consumer.name}`;
    if (dlq && hasDlq(model, c.event)) dlqTopics.add(c.event);
    ops.push({
      id: `${service}.receive.${c.event.topic.name}.${c.kind}.${c.consumer.name}`,
      topic: c.event.topic.name,
      body: {
        action: 'receive',
        channel: channelRef(c.event.topic.name),
        title: `${service}: ${what} consumes ${c.event.name}`,
        messages: [messageRef(c.event.topic.name, c.event.name)],
        bindings: perInstance ? instanceGroupBinding(group) : groupBinding(group),
        'x-service': service,
        'x-consumer-group': group,
        ...(perInstance ? { 'x-consumer-group-per-instance': true } : {}),
        'x-retry': retryExtension(retry),
        'x-dlq': dlq && hasDlq(model, c.event) ? dlqExtension(model, c.event) : false,
      },
    });
  }

  // The DLQ watcher reads the DLQs of its policies and projections and those its compensations start from (service.ts listenToResolutions).
  const watched = new Set<Event>(dlqTopics);

  for (const o of orchestrations(model, context)) {
    for (const event of o.events) {
      ops.push({
        id: `${service}.receive.${event.topic.name}.saga.${o.saga.name}`,
        topic: event.topic.name,
        body: {
          action: 'receive',
          channel: channelRef(event.topic.name),
          title: `${service}: saga ${o.saga.name} (orchestrator) observes ${event.name}`,
          messages: [messageRef(event.topic.name, event.name)],
          bindings: groupBinding(o.group),
          'x-service': service,
          'x-consumer-group': o.group,
          'x-retry': retryExtension(platformRetry(model)),
          ...(hasDlq(model, event) ? { 'x-dlq': dlqExtension(model, event) } : {}),
        },
      });
      if (hasDlq(model, event)) dlqTopics.add(event);
    }
  }

  const compensated = compensations(model, context);
  for (const comp of compensated) {
    const trigger = comp.trigger;
    if (trigger.kind === 'dlq') {
      watched.add(trigger.event);
      continue;
    }
    ops.push({
      id: `${service}.receive.${trigger.event.topic.name}.compensation.${comp.name}`,
      topic: trigger.event.topic.name,
      body: {
        action: 'receive',
        channel: channelRef(trigger.event.topic.name),
        title: `${service}: saga ${comp.saga.name} compensates with ${comp.command.name} on ${trigger.event.name}`,
        messages: [messageRef(trigger.event.topic.name, trigger.event.name)],
        bindings: groupBinding(comp.group),
        'x-service': service,
        'x-consumer-group': comp.group,
        'x-retry': retryExtension(platformRetry(model)),
        ...(hasDlq(model, trigger.event) ? { 'x-dlq': dlqExtension(model, trigger.event) } : {}),
      },
    });
    if (hasDlq(model, trigger.event)) dlqTopics.add(trigger.event);
  }

  for (const event of dlqTopics) {
    ops.push({
      id: `${service}.send.${event.dlq.name}`,
      topic: event.dlq.name,
      body: {
        action: 'send',
        channel: channelRef(event.dlq.name),
        title: `${service} dead-letters ${event.name} records it gave up on, and resolves them`,
        messages: [messageRef(event.dlq.name, deadLetterName(event)), messageRef(event.dlq.name, RESOLUTION_MESSAGE)],
        'x-service': service,
      },
    });
  }
  const dlqGroup = dlqListenerGroup(model, context);
  for (const event of watched) {
    if (!hasDlq(model, event)) continue;
    const sagas = compensated
      .filter((c) => c.trigger.kind === 'dlq' && c.trigger.event === event)
      .map((c) => c.name);
    ops.push({
      id: `${service}.receive.${event.dlq.name}.dlq`,
      topic: event.dlq.name,
      body: {
        action: 'receive',
        channel: channelRef(event.dlq.name),
        title: `${service} watches the ${event.name} DLQ`,
        summary: 'Keeps its index of dead-lettered records and their resolutions' + (sagas.length > 0 ? ', and schedules saga compensations.' : '.'),
        messages: [messageRef(event.dlq.name, deadLetterName(event)), messageRef(event.dlq.name, RESOLUTION_MESSAGE)],
        bindings: groupBinding(dlqGroup),
        'x-service': service,
        'x-consumer-group': dlqGroup,
        ...(sagas.length > 0 ? { 'x-compensations': sagas } : {}),
      },
    });
  }
  return ops.sort((a, b) => compareCodeUnits(a.id, b.id));
}

/** The AsyncAPI 3.0 document of the platform, or of one context's service. */
export function asyncApiDocument(model: Model, options: AsyncApiOptions = {}): Doc {
  const { platform } = model;
  const contexts = options.context ? [options.context] : model.contexts;
  const operations = contexts.flatMap((c) => serviceOperations(model, c));
  const used = new Set(operations.map((o) => o.topic));
  const topics = plannedTopics(model).filter((t) => !options.context || used.has(t.topic.name));

  const channels: Doc = {};
  const messages: Doc = {};
  const schemas: Doc = {};
  for (const t of topics) {
    channels[t.topic.name] = channel(model, t);
    schemas[t.event.name] = embedded(eventPayloadSchema(model, t.event));
    if (t.kind === 'topic') messages[t.event.name] = eventMessage(model, t.event);
    else {
      messages[deadLetterName(t.event)] = deadLetterMessage(model, t.event);
      messages[RESOLUTION_MESSAGE] = resolutionMessage;
    }
  }
  const context = options.context;
  const description = context ? context.description : platform.description;
  return {
    asyncapi: '3.0.0',
    id: context ? `urn:${platform.name}:${context.name}` : `urn:${platform.name}`,
    info: {
      title: context ? `${platform.title}: ${context.title}` : platform.title,
      version: CONTRACT_VERSION,
      ...(description ? { description } : {}),
      'x-generated-by': 'msa-gen export asyncapi',
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: {
        host: kafkaBootstrapServers(model),
        protocol: 'kafka',
        description: `The Strimzi cluster ${platform.kafka.cluster} in the namespace ${platform.namespace} (plain listener).`,
      },
    },
    channels,
    operations: Object.fromEntries(operations.map((o) => [o.id, o.body])),
    components: { messages: sortKeys(messages), schemas: sortKeys(schemas) },
    'x-retry': retryExtension(platformRetry(model)),
    'x-dlq': { suffix: platform.kafka.dlq.suffix, retentionMs: platform.kafka.dlq.retentionMs },
  };
}

function sortKeys(doc: Doc): Doc {
  return Object.fromEntries(Object.entries(doc).sort(([a], [b]) => compareCodeUnits(a, b)));
}
