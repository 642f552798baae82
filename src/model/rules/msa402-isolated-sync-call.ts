import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA402',
  name: 'isolated-sync-call',
  severity: 'error',
  summary: 'A context in an isolated namespace makes no synchronous call outside its namespace.',
  hint: 'Give the isolated namespace its own copy of the service it calls (its own guidance), or use events.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
