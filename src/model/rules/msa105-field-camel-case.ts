import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA105',
  name: 'field-camel-case',
  severity: 'error',
  summary: 'Field names are camelCase.',
  hint: 'Write field names as camelCase, e.g. applicationId.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
