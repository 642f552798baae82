import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA202',
  name: 'emits-unknown-event',
  severity: 'error',
  summary: "A command's `emits` names events of its own aggregate.",
  hint: 'Declare the event under the same aggregate, or fix the name.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
