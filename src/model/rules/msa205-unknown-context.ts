import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA205',
  name: 'unknown-context',
  severity: 'error',
  summary: "Calls, externals' `calledBy` and saga orchestrators name existing contexts.",
  hint: 'Fix the context name or declare the context.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
