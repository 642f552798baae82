import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA307',
  name: 'unemitted-event',
  severity: 'warning',
  summary: 'Every event is emitted by a command.',
  hint: 'List the event in the `emits` of the command that produces it, or remove it.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
