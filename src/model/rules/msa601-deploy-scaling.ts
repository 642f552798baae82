import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA601',
  name: 'deploy-scaling',
  severity: 'error',
  summary: 'Deploy settings are consistent: autoscaling min ≤ max, replicas within them, not both autoscaling and KEDA, a PodDisruptionBudget below the replica count.',
  hint: 'Fix the numbers shown, or remove one of autoscaling and keda.',
  docs: `TODO`,
  check() {
    return []; // TODO: not implemented yet
  },
};
