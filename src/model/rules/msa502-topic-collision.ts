import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA502',
  name: 'topic-collision',
  severity: 'error',
  summary: "No two topics collide when '.' and '_' are treated alike (Kafka metrics would clash).",
  hint: 'Rename one of the events or topics.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
