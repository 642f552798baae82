/**
 * The kinds of change `msa-gen diff` reports, as data: a stable code (MSAD + three digits:
 * 1xx a field of a contract, 2xx an event and its topic, 3xx a command), a kebab-case name and
 * one line on what the change is. Which verdict a change gets (breaking, migration, compatible)
 * depends on the change and the compatibility mode (classify.ts), not on its kind alone.
 */
export interface ChangeKind {
  readonly code: string;
  readonly name: string;
  readonly summary: string;
  /** How to make a breaking change of this kind safe. */
  readonly hint: string;
}

const kind = (code: string, name: string, summary: string, hint: string): ChangeKind => ({ code, name, summary, hint });

/** The way out of a breaking change of an event. */
export const BUMP = 'publish it as a new version of the event instead (`version: <n+1>`: a new CloudEvents type and a new topic), and move its consumers over';

export const KINDS = {
  fieldRemoved: kind('MSAD101', 'field-removed', 'A field of an event or command was removed.', `keep the field (make it optional first), or ${BUMP}`),
  fieldAdded: kind('MSAD102', 'field-added', 'A field was added to an event or command.', `make the new field \`optional: true\`, or ${BUMP}`),
  typeChanged: kind('MSAD103', 'field-type-changed', 'A field changed its type, or became a list or stopped being one.', `add a field with the new type beside the old one, or ${BUMP}`),
  madeRequired: kind('MSAD104', 'field-made-required', 'An optional field became required.', `keep it optional, or ${BUMP}`),
  madeOptional: kind('MSAD105', 'field-made-optional', 'A required field became optional.', `keep it required until every reader copes without it, or ${BUMP}`),
  enumValueRemoved: kind('MSAD106', 'enum-value-removed', 'A value was removed from an enum field.', `keep the value, or ${BUMP}`),
  enumValueAdded: kind('MSAD107', 'enum-value-added', 'A value was added to an enum field.', `upgrade the readers before the writers start sending it, or ${BUMP}`),
  keyChanged: kind('MSAD108', 'key-field-changed', "The key field of an event (its Kafka record key and CloudEvents subject) changed.", `keep the key: records of one aggregate must stay in one partition; or ${BUMP}`),
  eventRemoved: kind('MSAD201', 'event-removed', 'An event was removed or renamed.', `keep publishing the old event until its consumers moved, or ${BUMP}`),
  eventAdded: kind('MSAD202', 'event-added', 'A new event.', 'nothing to do: no consumer reads it yet'),
  partitionsLowered: kind('MSAD203', 'partitions-lowered', "A topic's partition count was lowered (Kafka cannot shrink a topic).", 'keep the partition count, or publish a new version of the event on a new topic'),
  partitionsRaised: kind('MSAD204', 'partitions-raised', "A topic's partition count was raised.", 'records of one key may land in another partition than before: drain the topic first if ordering across the change matters'),
  topicChanged: kind('MSAD205', 'topic-changed', 'An event moved to another topic without a new version.', `keep the topic, or ${BUMP}`),
  versionBumped: kind('MSAD206', 'event-version-bumped', 'An event was published as a new version: a new CloudEvents type and topic.', 'deploy the new consumers, then the producer; the old topic keeps its records until its retention ends'),
  consumerAdded: kind('MSAD207', 'consumer-added', 'A policy or read model started consuming an event.', 'nothing to do: it reads the topic from its group offset'),
  consumerRemoved: kind('MSAD208', 'consumer-removed', 'A policy or read model stopped consuming an event.', 'nothing to do: its consumer group stays on the broker until removed'),
  commandRemoved: kind('MSAD301', 'command-removed', 'A command callers reach over HTTP was removed or renamed.', 'keep the command until no caller sends it'),
  commandAdded: kind('MSAD302', 'command-added', 'A new command.', 'nothing to do: no caller sends it yet'),
  routeChanged: kind('MSAD303', 'route-changed', "A command's HTTP route changed.", 'keep the old route beside the new one (a second command) until no caller uses it'),
} as const satisfies Record<string, ChangeKind>;

/** The way out of a breaking change of a command (commands have no versions). */
export const SECOND_COMMAND = 'add a second command with the new contract beside the old one, and remove the old one once no caller sends it';

export type KindId = keyof typeof KINDS;

/** Every kind, in code order. */
export const ALL_KINDS: readonly ChangeKind[] = Object.values(KINDS).sort((a, b) => (a.code < b.code ? -1 : 1));
