import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA306',
  name: 'external-in-saga',
  severity: 'error',
  summary: 'No saga step is an operation of an external system.',
  hint: "Keep external systems outside the saga: call them from a context after the saga's steps.",
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
