import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA304',
  name: 'broken-choreography',
  severity: 'error',
  summary: 'In a choreography saga, each step after the first is issued by a policy on an event of the previous step.',
  hint: "Add a policy in the next step's context: on <event of step n>, then <command of step n+1>.",
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
