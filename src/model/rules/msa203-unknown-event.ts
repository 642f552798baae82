import { didYouMean } from '../suggest.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA203',
  name: 'unknown-event',
  severity: 'error',
  summary: "A policy's `on` and a read model's `from` name events declared in the model.",
  hint: 'Correct the name, or declare the event under the aggregate that emits it.',
  docs: `Policies and read models are the consumers of events: a policy subscribes to the topic
of its \`on\` event, a read model is projected from the topics of its \`from\` events. Each
of these names must be an event declared in some aggregate of the model (of any context):
otherwise the generated consumer would subscribe to a topic nobody publishes to, and wait
forever.

In Government24 the issuance service subscribes to the application event to start its work,
and the application result lookup service (CQRS) is built from the application and issuance
events; a misspelt event name in either place silently breaks the flow.`,
  messages: {
    policyOnUnknownEvent: 'Policy "{{policy}}" reacts to "{{event}}", which is not an event of the model{{suggestion}}',
    readModelFromUnknownEvent: 'Read model "{{readModel}}" is built from "{{event}}", which is not an event of the model{{suggestion}}',
  },
  examples: {
    fails: [
      {
        at: { policies: '/contexts/1', readModels: '/contexts/2' },
        yaml: `policies:
  - name: IssuePermitWhenApplicationSubmitted
    on: ApplicationSubmited          # did you mean "ApplicationSubmitted"?
    then: IssuePermit
readModels:
  - name: ApplicationResult
    key: applicationId
    from: [ApplicationSubmitted, PermitIsued]   # did you mean "PermitIssued"?`,
      },
    ],
    passes: [
      {
        at: { policies: '/contexts/1', readModels: '/contexts/2' },
        yaml: `policies:
  - name: IssuePermitWhenApplicationSubmitted
    on: ApplicationSubmitted
    then: IssuePermit
readModels:
  - name: ApplicationResult
    key: applicationId
    from: [ApplicationSubmitted, PermitIssued]`,
      },
    ],
  },
  check(model, report) {
    const names = model.events.map((e) => e.name);
    for (const policy of model.policies) {
      if (policy.on.target) continue;
      report({
        pointer: policy.on.pointer,
        messageId: 'policyOnUnknownEvent',
        data: { policy: policy.name, event: policy.on.name, suggestion: didYouMean(policy.on.name, names) },
      });
    }
    for (const readModel of model.readModels) {
      for (const from of readModel.from) {
        if (from.target) continue;
        report({
          pointer: from.pointer,
          messageId: 'readModelFromUnknownEvent',
          data: { readModel: readModel.name, event: from.name, suggestion: didYouMean(from.name, names) },
        });
      }
    }
  },
});
