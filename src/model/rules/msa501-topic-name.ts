import type { Event } from '../ir.js';
import { joinPointer } from '../pointer.js';
import { DEFAULTS } from '../defaults.js';
import { MAX_TOPIC_NAME_LENGTH, describeTopic, illegalTopicChars, shortName, topicNameProblem } from '../topics.js';
import { defineRule } from './rule.js';

const SUFFIX_CHARACTERS_HINT = 'Use only letters, digits, `.`, `_` and `-` in the suffix, e.g. `.DLQ`.';
const SHORTER_SUFFIX_HINT = 'Use a shorter suffix such as `.DLQ`.';

export const rule = defineRule({
  code: 'MSA501',
  name: 'topic-name',
  severity: 'error',
  summary: 'Every topic and DLQ name is a legal Kafka topic name: 1 to 249 of `a-z A-Z 0-9 . _ -`, not `.` or `..`.',
  hint: 'Use only letters, digits, `.`, `_` and `-` in `topic` and in the DLQ suffix, and keep names (with the suffix) to 249 characters.',
  docs: `Kafka refuses to create a topic whose name is empty, is \`.\` or \`..\`, is longer than 249
characters (a partition lives in a directory named \`<topic>-<partition>\`, which must fit in a
255-byte file name) or contains anything but ASCII letters, digits, \`.\`, \`_\` and \`-\`
(InvalidTopicException). The generated Strimzi KafkaTopic would stay NotReady and every
producer and consumer of the event would fail at start-up.

Each event has a topic (its \`topic\`, by default the event name) and a DLQ
(\`<topic><platform.kafka.dlq.suffix>\`, by default \`<topic>.DLQ\` as in Government24's
\`ApplicationSubmitted.DLQ\`). Both names are checked. A finding points at the event's
\`topic\` (or its name when the topic is the default), or, once, at the DLQ suffix when the
suffix alone makes DLQ names illegal (a character Kafka refuses, or a suffix so long that
names which fit with the default \`.DLQ\` no longer do).`,
  messages: {
    /** `characters`: the characters, JSON-quoted. */
    suffixCharacter: {
      text: 'The DLQ suffix "{{suffix}}" contains a character Kafka does not accept in a topic name: {{characters}}; every DLQ name would be refused',
      hint: SUFFIX_CHARACTERS_HINT,
    },
    suffixCharacters: {
      text: 'The DLQ suffix "{{suffix}}" contains characters Kafka does not accept in a topic name: {{characters}}; every DLQ name would be refused',
      hint: SUFFIX_CHARACTERS_HINT,
    },
    suffixTooLong: {
      text: "The DLQ suffix is {{length}} characters long; with any topic name before it a DLQ name exceeds Kafka's {{limit}} characters",
      hint: 'Use a short suffix such as `.DLQ`.',
    },
    /** `topic`: `topic "x" of event "X"`; `problem`: what is wrong with its name. */
    topicName: 'The name of {{topic}} {{problem}}',
    dlqTooLong: {
      text: 'The name of {{topic}} is {{length}} characters long (the topic and the suffix "{{suffix}}"); Kafka accepts at most {{limit}}',
      hint: 'Shorten the topic name to at most {{max}} characters.',
    },
    /** The DLQ suffix is to blame: the names would fit with the default suffix. `names`: the first three, with their lengths. */
    suffixLengthensOne: {
      text: "The DLQ suffix \"{{suffix}}\" ({{length}} characters) makes a DLQ name longer than Kafka's {{limit}} characters: {{names}}",
      hint: SHORTER_SUFFIX_HINT,
    },
    suffixLengthens: {
      text: "The DLQ suffix \"{{suffix}}\" ({{length}} characters) makes {{count}} DLQ names longer than Kafka's {{limit}} characters: {{names}}{{more}}",
      hint: SHORTER_SUFFIX_HINT,
    },
  },
  examples: {
    fails: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `events:
  - name: ApplicationSubmitted
    topic: permits/application submitted    # "/" and " " are not allowed`,
      },
    ],
    passes: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `events:
  - name: ApplicationSubmitted
    topic: permits.application-submitted`,
      },
    ],
  },
  check(model, report) {
    const dlq = model.platform.kafka.dlq;
    const suffixPointer = joinPointer(dlq.pointer, 'suffix');
    const suffixIllegal = illegalTopicChars(dlq.suffix);
    const suffixTooLong = dlq.suffix.length >= MAX_TOPIC_NAME_LENGTH;
    const limit = MAX_TOPIC_NAME_LENGTH;
    if (suffixIllegal.length > 0) {
      report({
        pointer: suffixPointer,
        messageId: suffixIllegal.length === 1 ? 'suffixCharacter' : 'suffixCharacters',
        data: { suffix: shortName(dlq.suffix), characters: suffixIllegal.map((c) => JSON.stringify(c)).join(', ') },
      });
    } else if (suffixTooLong) {
      report({ pointer: suffixPointer, messageId: 'suffixTooLong', data: { length: dlq.suffix.length, limit } });
    }
    const tooLongBySuffix: Event[] = [];
    for (const event of model.events) {
      const topic = event.topic;
      const problem = topicNameProblem(topic.name);
      if (problem !== undefined) {
        report({ pointer: topic.pointer, messageId: 'topicName', data: { topic: describeTopic(event), problem } });
        continue; // its DLQ name has the same problem
      }
      if (suffixIllegal.length > 0 || suffixTooLong) continue; // reported once, at the suffix
      const dlqName = event.dlq.name;
      if (dlqName.length <= MAX_TOPIC_NAME_LENGTH) continue;
      if (topic.name.length + DEFAULTS.dlq.suffix.length <= MAX_TOPIC_NAME_LENGTH) {
        tooLongBySuffix.push(event); // fine with the default suffix: the long suffix is to blame
        continue;
      }
      report({
        pointer: topic.pointer,
        messageId: 'dlqTooLong',
        data: {
          topic: describeTopic(event, 'dlq'),
          length: dlqName.length,
          suffix: shortName(dlq.suffix),
          limit,
          max: MAX_TOPIC_NAME_LENGTH - dlq.suffix.length,
        },
      });
    }
    if (tooLongBySuffix.length > 0) {
      const names = tooLongBySuffix
        .slice(0, 3)
        .map((e) => `${shortName(e.dlq.name, 40)} (${e.dlq.name.length})`)
        .join(', ');
      const data = { suffix: shortName(dlq.suffix), length: dlq.suffix.length, limit, names };
      if (tooLongBySuffix.length === 1) {
        report({ pointer: suffixPointer, messageId: 'suffixLengthensOne', data });
      } else {
        const more = tooLongBySuffix.length > 3 ? ` and ${tooLongBySuffix.length - 3} more` : '';
        report({ pointer: suffixPointer, messageId: 'suffixLengthens', data: { ...data, count: tooLongBySuffix.length, more } });
      }
    }
  },
});
