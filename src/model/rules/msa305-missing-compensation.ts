import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA305',
  name: 'missing-compensation',
  severity: 'error',
  summary: 'Every saga step but the last has a compensation.',
  hint: 'Add `compensation: <command that undoes the step>`.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
