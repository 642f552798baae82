import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA108',
  name: 'singular-noun',
  severity: 'error',
  summary: 'Aggregate and read-model names end in a singular noun.',
  hint: 'Name one instance: Application, not Applications.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
