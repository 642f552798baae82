import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA204',
  name: 'unknown-command',
  severity: 'error',
  summary: "A policy's `then` names a command of its own context; saga steps, compensations and calls name existing commands.",
  hint: 'Fix the command name or declare the command.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
