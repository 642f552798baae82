import type { Finding } from '../finding.js';
import type { Event, Model } from '../ir.js';
import { joinPointer } from '../pointer.js';
import { DEFAULTS } from '../resolve.js';
import { MAX_TOPIC_NAME_LENGTH, describeTopic, illegalTopicChars, shortName, topicNameProblem } from '../topics.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
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
names which fit with the default \`.DLQ\` no longer do).

Fails:

    events:
      - name: ApplicationSubmitted
        topic: permits/application submitted    # "/" and " " are not allowed

Passes:

    events:
      - name: ApplicationSubmitted
        topic: permits.application-submitted`,
  check(model: Model) {
    const findings: Finding[] = [];
    const dlq = model.platform.kafka.dlq;
    const suffixPointer = joinPointer(dlq.pointer, 'suffix');
    const suffixIllegal = illegalTopicChars(dlq.suffix);
    const suffixTooLong = dlq.suffix.length >= MAX_TOPIC_NAME_LENGTH;
    if (suffixIllegal.length > 0) {
      findings.push({
        pointer: suffixPointer,
        message: `The DLQ suffix "${shortName(dlq.suffix)}" contains ${suffixIllegal.length === 1 ? 'a character' : 'characters'} Kafka does not accept in a topic name: ${suffixIllegal.map((c) => JSON.stringify(c)).join(', ')}; every DLQ name would be refused`,
        hint: 'Use only letters, digits, `.`, `_` and `-` in the suffix, e.g. `.DLQ`.',
      });
    } else if (suffixTooLong) {
      findings.push({
        pointer: suffixPointer,
        message: `The DLQ suffix is ${dlq.suffix.length} characters long; with any topic name before it a DLQ name exceeds Kafka's ${MAX_TOPIC_NAME_LENGTH} characters`,
        hint: 'Use a short suffix such as `.DLQ`.',
      });
    }
    const tooLongBySuffix: Event[] = [];
    for (const event of model.events) {
      const topic = event.topic;
      const problem = topicNameProblem(topic.name);
      if (problem !== undefined) {
        findings.push({
          pointer: topic.pointer,
          message: `The name of ${describeTopic(event)} ${problem}`,
        });
        continue; // its DLQ name has the same problem
      }
      if (suffixIllegal.length > 0 || suffixTooLong) continue; // reported once, at the suffix
      const dlqName = event.dlq.name;
      if (dlqName.length <= MAX_TOPIC_NAME_LENGTH) continue;
      if (topic.name.length + DEFAULTS.dlq.suffix.length <= MAX_TOPIC_NAME_LENGTH) {
        tooLongBySuffix.push(event); // fine with the default suffix: the long suffix is to blame
        continue;
      }
      findings.push({
        pointer: topic.pointer,
        message: `The name of ${describeTopic(event, 'dlq')} is ${dlqName.length} characters long (the topic and the suffix "${shortName(dlq.suffix)}"); Kafka accepts at most ${MAX_TOPIC_NAME_LENGTH}`,
        hint: `Shorten the topic name to at most ${MAX_TOPIC_NAME_LENGTH - dlq.suffix.length} characters.`,
      });
    }
    if (tooLongBySuffix.length > 0) {
      const listed = tooLongBySuffix
        .slice(0, 3)
        .map((e) => `${shortName(e.dlq.name, 40)} (${e.dlq.name.length})`)
        .join(', ');
      const more = tooLongBySuffix.length > 3 ? ` and ${tooLongBySuffix.length - 3} more` : '';
      findings.push({
        pointer: suffixPointer,
        message: `The DLQ suffix "${shortName(dlq.suffix)}" (${dlq.suffix.length} characters) makes ${tooLongBySuffix.length === 1 ? 'a DLQ name' : `${tooLongBySuffix.length} DLQ names`} longer than Kafka's ${MAX_TOPIC_NAME_LENGTH} characters: ${listed}${more}`,
        hint: 'Use a shorter suffix such as `.DLQ`.',
      });
    }
    return findings;
  },
};
