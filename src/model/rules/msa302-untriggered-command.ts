import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA302',
  name: 'untriggered-command',
  severity: 'warning',
  summary: 'Every command is triggered: by an HTTP route, an actor, a policy, a saga or a call.',
  hint: 'Give the command an `http` route or an `actor`, or a policy that issues it.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
