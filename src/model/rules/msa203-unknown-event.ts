import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA203',
  name: 'unknown-event',
  severity: 'error',
  summary: "A policy's `on` and a read model's `from` name existing events.",
  hint: 'Fix the event name or declare the event.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
