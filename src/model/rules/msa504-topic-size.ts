import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA504',
  name: 'topic-size',
  severity: 'error',
  summary: 'Topics have at least one partition and one replica.',
  hint: 'Set partitions and replicas to 1 or more.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
