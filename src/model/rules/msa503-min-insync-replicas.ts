import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA503',
  name: 'min-insync-replicas',
  severity: 'error',
  summary: 'minInSyncReplicas is at most replicas.',
  hint: 'Lower minInSyncReplicas or raise replicas; otherwise every write fails.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
