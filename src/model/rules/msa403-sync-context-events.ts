import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA403',
  name: 'sync-context-events',
  severity: 'error',
  summary: 'A `communication: sync` context reacts to no other context\'s events; other services reach it through `calls`.',
  hint: 'Replace the policy by a `calls` entry from the other context, or make the context `communication: async`.',
  docs: `\`communication\` says how a context talks to the other services. Government24 keeps its
simple application / immediate issuance complaints synchronous: a citizen gets the result in
the same request, so the issuance service calls the application service over REST to record
the result, with no message broker between them. Its organic and non-linked complaints are
asynchronous: services subscribe to each other's events through the event store.

A context declared \`sync\` therefore receives commands from other services through
\`calls\` (a typed HTTP client with timeout, retry and circuit breaker), not through policies
that subscribe to another context's topics. A policy on another context's event would make
it a Kafka consumer after all, with the consumer group, retries, DLQ and lag that \`sync\`
says it does not have. Policies on the context's own events stay allowed (they are internal).

A choreography saga step in a \`sync\` context needs such a policy (MSA304), so a saga that
crosses a \`sync\` context is an orchestration, or the context is \`async\`.`,
  messages: {
    /** `from`: the context of the event. */
    policyOnOtherContext: {
      text: 'Policy "{{policy}}" of the sync context "{{context}}" reacts to event "{{event}}" of context "{{from}}"; a sync context takes other services\' commands through `calls`',
      hint: 'Add a call { from: {{from}}, to: {{context}}, command: {{command}} } and remove the policy, or set communication: async on "{{context}}".',
    },
  },
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: issuance
    communication: sync
    policies:
      - name: IssuePermitWhenApplicationSubmitted
        on: ApplicationSubmitted       # an event of the application context
        then: IssuePermit`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: issuance
    communication: sync
    policies: []                       # IssuePermit is called instead
    aggregates:
      - name: Permit
        commands:
          - name: IssuePermit
            http: POST /permits
calls:
  - from: application
    to: issuance
    command: IssuePermit`,
      },
    ],
  },
  check(model, report) {
    for (const context of model.contexts) {
      if (context.communication !== 'sync') continue;
      for (const policy of context.policies) {
        const event = policy.on.target;
        if (!event || event.context === context) continue;
        report({
          pointer: policy.on.pointer,
          messageId: 'policyOnOtherContext',
          data: {
            policy: policy.name,
            context: context.name,
            event: event.name,
            from: event.context.name,
            command: policy.then.target?.name ?? policy.then.name,
          },
        });
      }
    }
  },
});
