import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA104',
  name: 'command-imperative',
  severity: 'error',
  summary: 'A command name starts with an imperative verb (SubmitApplication, IssueDocument).',
  hint: 'Put the verb first, in the imperative: SubmitApplication, not ApplicationSubmitted or SubmittedApplication.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
