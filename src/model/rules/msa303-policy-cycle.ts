import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA303',
  name: 'policy-cycle',
  severity: 'error',
  summary: 'Policies do not form a cycle (an event that, through policies and commands, leads back to itself).',
  hint: 'Break the loop: one of the policies must react to a different event.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
