import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA102',
  name: 'dns-label',
  severity: 'error',
  summary: 'The platform, contexts, namespaces and the Kafka cluster are DNS-1123 labels.',
  hint: "Use lower-case letters, digits and '-', at most 63 characters, starting and ending with a letter or digit.",
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
