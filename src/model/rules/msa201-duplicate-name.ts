import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA201',
  name: 'duplicate-name',
  severity: 'error',
  summary: 'Names are unique where they must be: contexts, events, commands, externals and sagas across the model; aggregates, policies and read models within their context.',
  hint: 'Rename one of the two; generated types, topics and files are named after it.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
