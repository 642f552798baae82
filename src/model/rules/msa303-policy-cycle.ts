import { findPolicyCycles, formatCycle } from '../graph.js';
import { joinPointer } from '../pointer.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA303',
  name: 'policy-cycle',
  severity: 'error',
  summary: 'Policies form no cycle: no command leads, through its events and the policies on them, back to itself.',
  hint: 'Break the loop: remove or change one policy of the cycle; retries belong in the policy\'s `retry` settings, not in a loop.',
  docs: `Policies chain commands: a command emits events, a policy on one of those events issues
the next command, and so on. When such a chain leads back to a command already in it, every
run of the loop starts the next one: an endless stream of events, each one processed
at-least-once and each one retried, that no idempotency check stops because every
iteration is a new record.

The rule follows every command through the events it emits and the policies \`on\` those
events to the commands they issue (\`then\`). Each cycle is reported once, at the policy that
closes it (of the cycle's policies, the first in model order), with the whole chain.

Government24 keeps its flows acyclic: application → issuance → notification, and the only
way back is a compensation (cancel the application when issuance fails), which ends the flow.
A step that must be tried again is retried by the consumer (retries, then the DLQ), not by a
policy that issues the command again.`,
  messages: {
    /** `cycle`: the chain, `IssuePermit → PermitIssued → (IssuePermitWhenPermitIssued) → IssuePermit`. */
    cycle: 'Policies form a cycle: {{cycle}}',
  },
  examples: {
    fails: [
      {
        at: { commands: '/contexts/1/aggregates/0', policies: '/contexts/1' },
        yaml: `commands:
  - name: IssuePermit
    emits: [PermitIssued]
policies:
  - name: IssuePermitWhenPermitIssued      # IssuePermit → PermitIssued → IssuePermit
    on: PermitIssued
    then: IssuePermit`,
      },
    ],
    passes: [
      {
        at: { commands: '/contexts/1/aggregates/0', policies: '/contexts/1' },
        yaml: `commands:
  - name: IssuePermit
    emits: [PermitIssued]
policies:
  - name: IssuePermitWhenApplicationSubmitted
    on: ApplicationSubmitted
    then: IssuePermit
    retry: { maxAttempts: 4 }`,
      },
    ],
  },
  check(model, report) {
    for (const cycle of findPolicyCycles(model)) {
      report({ pointer: joinPointer(cycle.closing.pointer, 'name'), messageId: 'cycle', data: { cycle: formatCycle(cycle) } });
    }
  },
});
