import { MAX_TOPIC_NAME_LENGTH, allTopics, collisionKey, describeTopic, type TopicEntry } from '../topics.js';
import { defineRule } from './rule.js';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function describe(entry: TopicEntry): string {
  return describeTopic(entry.event, entry.kind);
}

export const rule = defineRule({
  code: 'MSA502',
  name: 'topic-collision',
  severity: 'error',
  summary: 'No two topics (event topics and DLQs together) have the same name, or names that differ only in `.` versus `_`.',
  hint: 'Give each event its own topic name; do not mix `.` and `_` in names that are otherwise the same.',
  docs: `Each event type gets a topic of its own and a DLQ of its own (Government24 creates the
DLQ topics separately for each domain event type). Two events on one topic would mix record
types under one schema and one retention, and their DLQs would merge the failures of both.

Kafka also puts topic names into metric names, where \`.\` and \`_\` become the same character:
\`permits.applications\` and \`permits_applications\` would report under one name. Kafka
therefore refuses to create a topic that collides with an existing one this way
(InvalidTopicException: "collides with existing topics"), so the second KafkaTopic of the
generated Strimzi resources would never become ready.

Event topics and DLQ topics are checked together (an event's topic may collide with another
event's DLQ, \`<topic><suffix>\`). The finding is at the second of the two, in model order;
when two topics collide, their DLQs collide as well and are not reported a second time.`,
  messages: {
    /** `topic`: `Topic "x" of event "X"` (capitalised); `first`: the topic it takes the name of. */
    sameName: '{{topic}} has the same name as {{first}}; each event needs a topic of its own',
    dotUnderscore: '{{topic}} collides with {{first}}: Kafka treats "." and "_" alike in metric names and refuses the second topic',
  },
  examples: {
    fails: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `events:
  - name: ApplicationSubmitted
    topic: permits.applications
  - name: ApplicationCancelled
    topic: permits_applications        # collides with permits.applications`,
      },
    ],
    passes: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `events:
  - name: ApplicationSubmitted
    topic: permits.application-submitted
  - name: ApplicationCancelled
    topic: permits.application-cancelled`,
      },
    ],
  },
  check(model, report) {
    const seen = new Map<string, TopicEntry>();
    for (const entry of allTopics(model)) {
      // A name Kafka refuses anyway is MSA501's finding; comparing megabyte-long names would
      // cost as many copies of them as there are events.
      if (entry.topic.name.length > MAX_TOPIC_NAME_LENGTH) continue;
      const key = collisionKey(entry.topic.name);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, entry);
        continue;
      }
      // Two DLQs of colliding topics: the topics' collision is the finding.
      if (
        entry.kind === 'dlq' &&
        first.kind === 'dlq' &&
        collisionKey(entry.event.topic.name) === collisionKey(first.event.topic.name)
      ) {
        continue;
      }
      report({
        pointer: entry.topic.pointer,
        messageId: entry.topic.name === first.topic.name ? 'sameName' : 'dotUnderscore',
        data: { topic: capitalize(describe(entry)), first: describe(first) },
      });
    }
  },
});
