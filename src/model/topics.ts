/**
 * The Kafka topics a model asks for (one per event, plus its DLQ) and the places in the model
 * that decide their settings. Shared by the Kafka rules (MSA5xx).
 */
import type { Event, Model, Topic, TopicSettings } from './ir.js';
import { DEFAULTS } from './defaults.js';

/** Longest topic name Kafka accepts (a partition directory `<topic>-<n>` must fit in 255 bytes). */
export const MAX_TOPIC_NAME_LENGTH = 249;

/** The characters Kafka accepts in a topic name (`org.apache.kafka.common.internals.Topic`). */
export const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

const LEGAL_CHAR = /[a-zA-Z0-9._-]/;

export interface TopicEntry {
  readonly kind: 'topic' | 'dlq';
  readonly topic: Topic;
  /** The event whose topic (or DLQ) this is. */
  readonly event: Event;
}

/** Every topic, in model order: each event's topic followed by its DLQ. */
export function allTopics(model: Model): TopicEntry[] {
  return model.events.flatMap((event): TopicEntry[] => [
    { kind: 'topic', topic: event.topic, event },
    { kind: 'dlq', topic: event.dlq, event },
  ]);
}

/** The distinct characters of `text` Kafka does not accept in a topic name, in order of appearance. */
export function illegalTopicChars(text: string): string[] {
  const found: string[] = [];
  for (const ch of text) if (!LEGAL_CHAR.test(ch) && !found.includes(ch)) found.push(ch);
  return found;
}

/** Why Kafka would refuse `name` as a topic name, or undefined when it is fine. */
export function topicNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name === '.' || name === '..') return `is "${name}", which Kafka reserves`;
  const illegal = illegalTopicChars(name);
  if (illegal.length > 0) {
    const list = illegal.map((c) => JSON.stringify(c)).join(', ');
    return `contains ${illegal.length === 1 ? 'a character' : 'characters'} Kafka does not accept: ${list}`;
  }
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    return `is ${name.length} characters long; Kafka accepts at most ${MAX_TOPIC_NAME_LENGTH}`;
  }
  return undefined;
}

/**
 * The form under which two topic names collide in Kafka's metrics: `.` and `_` map to the same
 * character, so `a.b` and `a_b` collide (Kafka refuses to create the second one).
 */
export function collisionKey(name: string): string {
  return name.replace(/\./g, '_');
}

/** A name short enough for a message: long names keep their start and end. */
export function shortName(name: string, max = 60): string {
  if (name.length <= max) return name;
  const half = Math.floor((max - 1) / 2);
  return `${name.slice(0, half)}…${name.slice(name.length - half)}`;
}

/**
 * A block of the model that sets topic settings: the platform's `kafka.defaults` or an event's
 * `kafka` override. Rules report a settings problem once, at the block that set it.
 */
export interface TopicSettingsBlock {
  /** Pointer of the written block (`/platform/kafka/defaults` or `…/events/<i>/kafka`). */
  readonly pointer: string;
  readonly settings: TopicSettings;
  /**
   * What the block was merged onto: the built-in defaults for the platform's defaults, the
   * platform's defaults for an event override. A value equal to its base value may not have
   * been written in the block (the IR only keeps merged values).
   */
  readonly base: TopicSettings;
  /** The event whose override this is; undefined for the platform's defaults. */
  readonly event: Event | undefined;
}

/**
 * The blocks that set topic settings, platform defaults first (only when written), then each
 * event's `kafka` override in model order.
 */
export function topicSettingsBlocks(model: Model): TopicSettingsBlock[] {
  const kafka = model.platform.kafka;
  const blocks: TopicSettingsBlock[] = [];
  if (kafka.defaultsPointer !== model.platform.pointer) {
    blocks.push({ pointer: kafka.defaultsPointer, settings: kafka.defaults, base: DEFAULTS.topic, event: undefined });
  }
  for (const event of model.events) {
    if (event.topic.settingsPointer === kafka.defaultsPointer) continue;
    blocks.push({ pointer: event.topic.settingsPointer, settings: event.topic, base: kafka.defaults, event });
  }
  return blocks;
}

/** How a message names an event's topic or DLQ: `topic "X"`, `DLQ topic "X.DLQ" of event "Y"`. */
export function describeTopic(event: Event, kind: 'topic' | 'dlq' = 'topic'): string {
  const topic = kind === 'topic' ? event.topic : event.dlq;
  const what = `${kind === 'topic' ? 'topic' : 'DLQ topic'} "${shortName(topic.name)}"`;
  return kind === 'topic' && topic.name === event.name ? what : `${what} of event "${event.name}"`;
}

/** How a message names a settings block. */
export function describeBlock(block: TopicSettingsBlock): string {
  return block.event === undefined ? 'the platform Kafka defaults' : describeTopic(block.event);
}
