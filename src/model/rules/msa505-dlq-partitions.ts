import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA505',
  name: 'dlq-partitions',
  severity: 'error',
  summary: 'A DLQ has at least as many partitions as its source topic.',
  hint: "Raise platform.kafka.dlq.partitions, or leave it out to copy the source's.",
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
