import { joinPointer } from '../pointer.js';
import { describeBlock, topicSettingsBlocks } from '../topics.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA503',
  name: 'min-insync-replicas',
  severity: 'error',
  summary: '`minInSyncReplicas` is at least 1 and at most `replicas`, in the platform Kafka defaults and in every event\'s `kafka`.',
  hint: 'Set minInSyncReplicas to at most replicas (with 3 replicas, 2 is usual).',
  docs: `\`min.insync.replicas\` is the number of replicas that must have a record before a producer
with \`acks=all\` gets its acknowledgement. Producers use \`acks=all\` by default since
Kafka 3.0 (idempotence on), and the generated outbox relay relies on it: the business change
and the event are one atomic unit only if the event is durably in Kafka. A topic that asks
for more in-sync replicas than it has replicas can never satisfy that: every write fails with
NOT_ENOUGH_REPLICAS, and the outbox fills up. A value below 1 is refused by Kafka.

With \`replicas: 3\`, \`minInSyncReplicas: 2\` is the usual choice: one broker may be down
(for a Strimzi rolling update, say) while writes go on. Equal values are accepted, but then a
single broker outage blocks writes.

The settings come from \`platform.kafka.defaults\` and each event's \`kafka\` override. A
problem is reported once, where it was set: at the defaults (not once per event that uses
them) or at the event's \`kafka\`. A replication factor below 1 is MSA504's finding.`,
  messages: {
    /** `block`: the platform Kafka defaults, or the topic of an event with its own `kafka`. */
    belowOne: {
      text: 'minInSyncReplicas is {{min}} in {{block}}; Kafka requires at least 1',
      hint: 'Set minInSyncReplicas between 1 and replicas ({{replicas}}).',
    },
    aboveReplicas: {
      text: 'minInSyncReplicas ({{min}}) is greater than replicas ({{replicas}}) in {{block}}: every acks=all write would fail with NOT_ENOUGH_REPLICAS',
      hint: 'Lower minInSyncReplicas to at most {{replicas}}, or raise replicas to at least {{min}} (replicas one above minInSyncReplicas let a broker fail without blocking writes).',
    },
  },
  examples: {
    fails: [
      {
        yaml: `platform:
  kafka:
    defaults: { partitions: 3, replicas: 2, minInSyncReplicas: 3 }`,
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
      const { settings, base } = block;
      const min = settings.minInSyncReplicas;
      const replicas = settings.replicas;
      // A value equal to the base's came from the base (or repeats it): reported there.
      const minHere = min !== base.minInSyncReplicas;
      const replicasHere = replicas !== base.replicas;
      const data = { min, replicas, block: describeBlock(block) };
      if (min < 1) {
        if (minHere) report({ pointer: joinPointer(block.pointer, 'minInSyncReplicas'), messageId: 'belowOne', data });
        continue;
      }
      if (replicas < 1 || min <= replicas || (!minHere && !replicasHere)) continue;
      report({ pointer: joinPointer(block.pointer, minHere ? 'minInSyncReplicas' : 'replicas'), messageId: 'aboveReplicas', data });
    }
  },
});
