import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA501',
  name: 'topic-name',
  severity: 'error',
  summary: "Kafka topic names (events and their DLQs) are 1–249 characters of [a-zA-Z0-9._-] and not '.' or '..'.",
  hint: 'Shorten the name or change the DLQ suffix.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
