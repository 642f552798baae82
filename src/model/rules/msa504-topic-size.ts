import { joinPointer } from '../pointer.js';
import { describeBlock, topicSettingsBlocks } from '../topics.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA504',
  name: 'topic-size',
  severity: 'error',
  summary: 'Every topic has at least 1 partition and at least 1 replica; a DLQ partition count is at least 1.',
  hint: 'Set partitions and replicas to at least 1 (3 replicas in production).',
  docs: `A Kafka topic needs at least one partition (the unit of ordering and of consumer
parallelism) and a replication factor of at least one. Strimzi's KafkaTopic schema rejects
\`spec.partitions\` or \`spec.replicas\` below 1, so the generated topics would not even apply.
The model's schema accepts any integer here so that this rule can say what is wrong.

Settings come from \`platform.kafka.defaults\`, each event's \`kafka\` override and
\`platform.kafka.dlq.partitions\`. A problem is reported once, where it was set: at the
defaults (not once per event that uses them), at an event's \`kafka\` or at the DLQ setting.`,
  messages: {
    /** `block`: the platform Kafka defaults, or the topic of an event with its own `kafka`. */
    noPartition: {
      text: 'partitions is {{value}} in {{block}}; a topic needs at least 1 partition',
      hint: 'Set partitions to at least 1 (as many as the consumers you want to run in parallel).',
    },
    noReplica: {
      text: 'replicas is {{value}} in {{block}}; a topic needs at least 1 replica',
      hint: 'Set replicas to at least 1 (3 in production, so that one broker may fail).',
    },
    dlqNoPartition: {
      text: 'DLQ partitions is {{value}}; a DLQ topic needs at least 1 partition',
      hint: "Remove platform.kafka.dlq.partitions (each DLQ then gets its source topic's partitions) or set it to at least the largest source topic's partitions.",
    },
  },
  examples: {
    fails: [
      {
        yaml: `platform:
  kafka:
    defaults: { partitions: 0, replicas: 3, minInSyncReplicas: 2 }`,
      },
    ],
    passes: [
      {
        yaml: `platform:
  kafka:
    defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }`,
      },
    ],
  },
  check(model, report) {
    for (const block of topicSettingsBlocks(model)) {
      for (const key of ['partitions', 'replicas'] as const) {
        const value = block.settings[key];
        // A value equal to the base's came from the base (or repeats it): reported there.
        if (value >= 1 || value === block.base[key]) continue;
        report({
          pointer: joinPointer(block.pointer, key),
          messageId: key === 'partitions' ? 'noPartition' : 'noReplica',
          data: { value, block: describeBlock(block) },
        });
      }
    }
    const dlq = model.platform.kafka.dlq;
    if (dlq.partitions !== undefined && dlq.partitions < 1) {
      report({ pointer: joinPointer(dlq.pointer, 'partitions'), messageId: 'dlqNoPartition', data: { value: dlq.partitions } });
    }
  },
});
