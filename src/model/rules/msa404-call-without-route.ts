import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA404',
  name: 'call-without-route',
  severity: 'error',
  summary: "A call's command has an `http` route to call.",
  hint: 'Give the called command `http: METHOD /path`.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
