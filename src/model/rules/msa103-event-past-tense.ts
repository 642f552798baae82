import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA103',
  name: 'event-past-tense',
  severity: 'error',
  summary: 'An event name ends in a past participle (Submitted, Issued, Sent, Paid).',
  hint: 'Name what happened, in the past tense: ApplicationSubmitted, not ApplicationSubmit.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
