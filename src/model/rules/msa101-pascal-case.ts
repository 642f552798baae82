import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA101',
  name: 'pascal-case',
  severity: 'error',
  summary: 'Aggregates, events, commands, policies, read models, sagas, externals, external operations and qualifiers are PascalCase.',
  hint: 'Write the name as PascalCase words, e.g. GeneralApplicationSubmitted.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
