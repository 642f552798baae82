import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA301',
  name: 'unconsumed-event',
  severity: 'warning',
  summary: 'Every event is consumed by a policy or a read model, or marked `terminal: true`.',
  hint: 'Add the policy or read model that reacts to it, or mark it `terminal: true` if nobody should.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
