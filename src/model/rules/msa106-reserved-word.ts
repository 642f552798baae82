import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA106',
  name: 'reserved-word',
  severity: 'error',
  summary: 'No name is a TypeScript reserved word or a global the generated code relies on.',
  hint: 'Choose another name: it becomes an identifier in generated TypeScript.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
