import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA206',
  name: 'unknown-field',
  severity: 'error',
  summary: 'Field references name existing fields: event and command field lists, idempotency keys, route parameters, read-model status keys.',
  hint: 'Fix the field name or add the field to the aggregate.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
