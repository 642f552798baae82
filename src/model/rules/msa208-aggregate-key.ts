import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA208',
  name: 'aggregate-key',
  severity: 'error',
  summary: 'Every aggregate has exactly one field with `key: true`.',
  hint: "Mark the aggregate's identity field with `key: true` (and only that one).",
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
