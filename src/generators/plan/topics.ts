/**
 * Which Kafka topics a platform needs, who consumes them, and under which consumer group.
 * Shared by the generators that must agree on it: the Strimzi KafkaTopics, the Helm values
 * (KEDA triggers) and the runtime's consumers (where a failed record is dead-lettered).
 *
 * DLQ decision: an event's DLQ (`<topic><dlq suffix>`) exists when at least one consumer can
 * dead-letter its records:
 * - a policy `on` the event whose `dlq` is true (the default); a policy with `dlq: false`
 *   retries and then drops or stops, so it alone needs no DLQ;
 * - a read model built `from` the event: a projection that fails on a record (a poison record,
 *   a schema mismatch) must not block its partition either, and has no `dlq` switch;
 * - a saga's own consumers: an orchestrator waiting for the event as a step's outcome, and a
 *   choreography compensation reacting to it as a step's failure event; both dead-letter what
 *   they cannot process, like a policy.
 * An event nobody consumes (a terminal event, or one consumed outside the platform) gets no
 * DLQ: no consumer group of the platform could ever write to it.
 * One DLQ serves every consumer group of the event; the DLQ record names the failing group in
 * its `dlq-consumer-group` header.
 */
import { perModel } from '../../model/memo.js';
import type { Context, Event, Model, Policy, ReadModel, Topic } from '../../model/valid.js';
import { compareCodeUnits } from '../names/order.js';
import { policyConsumerGroup, projectionConsumerGroup } from './groups.js';
import { compensations, orchestrations } from './service.js';

export interface PlannedTopic {
  readonly kind: 'topic' | 'dlq';
  readonly topic: Topic;
  /** The event whose topic (or DLQ) this is. */
  readonly event: Event;
}

export interface EventConsumers {
  readonly policies: readonly Policy[];
  readonly readModels: readonly ReadModel[];
}

const NO_CONSUMERS: EventConsumers = { policies: [], readModels: [] };
const consumerIndex = new WeakMap<Model, ReadonlyMap<Event, EventConsumers>>();

/** Every event's consumers, built once per model in one pass (the model is frozen). */
function consumersByEvent(model: Model): ReadonlyMap<Event, EventConsumers> {
  let index = consumerIndex.get(model);
  if (!index) {
    const map = new Map<Event, { policies: Policy[]; readModels: ReadModel[] }>();
    const entry = (event: Event) => {
      let e = map.get(event);
      if (!e) map.set(event, (e = { policies: [], readModels: [] }));
      return e;
    };
    for (const p of model.policies) entry(p.on.target).policies.push(p);
    for (const r of model.readModels) {
      for (const event of new Set(r.from.map((f) => f.target))) entry(event).readModels.push(r);
    }
    index = map;
    consumerIndex.set(model, index);
  }
  return index;
}

/** The policies and read models of the platform that consume `event`, in model order. */
export function consumersOf(model: Model, event: Event): EventConsumers {
  return consumersByEvent(model).get(event) ?? NO_CONSUMERS;
}

/** The events a saga's own consumers read: orchestrators' step outcomes, compensations' failure events. */
const sagaConsumedEvents = perModel((model: Model): ReadonlySet<Event> => {
  const events = new Set<Event>();
  for (const context of model.contexts) {
    for (const o of orchestrations(model, context)) for (const e of o.events) events.add(e);
    for (const c of compensations(model, context)) if (c.trigger.kind === 'event') events.add(c.trigger.event);
  }
  return events;
});

/** Whether `event` gets a DLQ topic (see the decision above). */
export function hasDlq(model: Model, event: Event): boolean {
  const { policies, readModels } = consumersOf(model, event);
  return policies.some((p) => p.dlq) || readModels.length > 0 || sagaConsumedEvents(model).has(event);
}

/**
 * Every topic the platform needs: one per event, plus the DLQ of each event that has one,
 * sorted by topic name (code-unit order).
 */
export function plannedTopics(model: Model): PlannedTopic[] {
  const list: PlannedTopic[] = [];
  for (const event of model.events) {
    list.push({ kind: 'topic', topic: event.topic, event });
    if (hasDlq(model, event)) list.push({ kind: 'dlq', topic: event.dlq, event });
  }
  list.sort((a, b) => compareCodeUnits(a.topic.name, b.topic.name));
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.topic.name === list[i - 1]!.topic.name) {
      throw new Error(`two topics are named "${list[i]!.topic.name}"; the model should have been rejected (MSA502)`);
    }
  }
  return list;
}

/**
 * The events a context consumes (through its policies and its read models), each once,
 * sorted by topic name.
 */
export function consumedEvents(context: Context): Event[] {
  const found = new Set<Event>();
  for (const consumption of consumptions(context)) found.add(consumption.event);
  return [...found].sort((a, b) => compareCodeUnits(a.topic.name, b.topic.name));
}

/** One consumer group reading one topic. */
export type Consumption =
  | { readonly kind: 'policy'; readonly event: Event; readonly consumer: Policy }
  | { readonly kind: 'projection'; readonly event: Event; readonly consumer: ReadModel };

/** What a context's consumers read: each (event, consumer) pair, in model order. */
export function consumptions(context: Context): Consumption[] {
  const list: Consumption[] = [];
  for (const policy of context.policies) {
    list.push({ kind: 'policy', event: policy.on.target, consumer: policy });
  }
  for (const readModel of context.readModels) {
    for (const from of readModel.from) {
      list.push({ kind: 'projection', event: from.target, consumer: readModel });
    }
  }
  return list;
}

/** The consumer group of a consumption. */
export function consumerGroupOf(consumption: Consumption, model: Model): string {
  return consumption.kind === 'policy'
    ? policyConsumerGroup(consumption.consumer, model)
    : projectionConsumerGroup(consumption.consumer, model);
}

/** (topic, consumer group) pairs of a context, unique, sorted by topic then group: what KEDA measures. */
export function consumerLagTargets(context: Context, model: Model): { topic: string; consumerGroup: string }[] {
  const seen = new Set<string>();
  const list: { topic: string; consumerGroup: string }[] = [];
  for (const c of consumptions(context)) {
    const target = { topic: c.event.topic.name, consumerGroup: consumerGroupOf(c, model) };
    const key = `${target.topic}\u0000${target.consumerGroup}`;
    if (!seen.has(key)) {
      seen.add(key);
      list.push(target);
    }
  }
  return list.sort((a, b) => compareCodeUnits(a.topic, b.topic) || compareCodeUnits(a.consumerGroup, b.consumerGroup));
}
