import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA401',
  name: 'file-in-event',
  severity: 'error',
  summary: 'Events carry no `binary` or `file` field; files travel as reference links.',
  hint: 'Store the file apart and put its link in the event: a `url` field.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
