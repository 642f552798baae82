import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA403',
  name: 'sync-context-events',
  severity: 'error',
  summary: "A `sync` context does not consume other contexts' events; its inter-service commands go through `calls`.",
  hint: 'Replace the policy with a `calls` entry, or make the context `async`.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
