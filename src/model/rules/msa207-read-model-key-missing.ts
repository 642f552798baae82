import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA207',
  name: 'read-model-key-missing',
  severity: 'error',
  summary: "A read model's key is a field of every event it is built from.",
  hint: 'Add the key field to the event, or build the read model from events that carry it.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
