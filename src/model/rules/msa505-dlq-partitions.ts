import { joinPointer } from '../pointer.js';
import { shortName } from '../topics.js';
import { defineRule } from './rule.js';

const LISTED = 5;

const RAISE_HINT = "Raise platform.kafka.dlq.partitions to at least {{largest}}, or remove it so that each DLQ gets its source's partitions.";

export const rule = defineRule({
  code: 'MSA505',
  name: 'dlq-partitions',
  severity: 'error',
  summary: 'Every DLQ has at least as many partitions as its source topic.',
  hint: 'Remove platform.kafka.dlq.partitions (each DLQ then gets its source\'s partitions) or raise it to the largest source topic\'s partitions.',
  docs: `A failed record goes to its topic's DLQ with the same key, and the usual dead-letter
publishers (Spring Kafka's DeadLetterPublishingRecoverer, for one) also keep its partition
number: the record from partition 5 goes to partition 5 of the DLQ, so the reprocessor can
replay it in order, next to the records of the same key. A DLQ with fewer partitions than its
source has no partition 5: publishing the dead letter fails and the consumer is stuck on
the poisoned record. The generated consumer runner also records
\`dlq-original-partition\` on every DLQ record.

By default a DLQ gets its source topic's partitions, so this can only go wrong when
\`platform.kafka.dlq.partitions\` is set below the partitions of some event's topic. The
finding is at that setting, once, and lists the topics it is too small for.`,
  messages: {
    /** `topics`: the first five, with their partitions. */
    belowSource: {
      text: "DLQ partitions ({{partitions}}) is below the partitions of its source topic: {{topics}}; a DLQ needs at least its source's partitions",
      hint: RAISE_HINT,
    },
    belowSources: {
      text: "DLQ partitions ({{partitions}}) is below the partitions of {{count}} source topics: {{topics}}{{more}}; a DLQ needs at least its source's partitions",
      hint: RAISE_HINT,
    },
  },
  examples: {
    fails: [
      {
        yaml: `platform:
  kafka:
    defaults: { partitions: 6, replicas: 3, minInSyncReplicas: 2 }
    dlq: { suffix: .DLQ, partitions: 1 }      # below the sources' 6`,
      },
    ],
    passes: [
      {
        yaml: `platform:
  kafka:
    defaults: { partitions: 6, replicas: 3, minInSyncReplicas: 2 }
    dlq: { suffix: .DLQ }                     # each DLQ gets its source's 6`,
      },
    ],
  },
  check(model, report) {
    const dlq = model.platform.kafka.dlq;
    // Below 1 is MSA504's finding.
    if (dlq.partitions === undefined || dlq.partitions < 1) return;
    const limit = dlq.partitions;
    const short = model.events.filter((e) => e.topic.partitions > limit);
    if (short.length === 0) return;
    const data = {
      partitions: limit,
      largest: Math.max(...short.map((e) => e.topic.partitions)),
      topics: short
        .slice(0, LISTED)
        .map((e) => `${shortName(e.topic.name)} (${e.topic.partitions})`)
        .join(', '),
    };
    const pointer = joinPointer(dlq.pointer, 'partitions');
    if (short.length === 1) {
      report({ pointer, messageId: 'belowSource', data });
    } else {
      const more = short.length > LISTED ? ` and ${short.length - LISTED} more` : '';
      report({ pointer, messageId: 'belowSources', data: { ...data, count: short.length, more } });
    }
  },
});
