import type { Finding } from '../finding.js';
import { didYouMean } from '../suggest.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
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
events; a misspelt event name in either place silently breaks the flow.

Fails:

    policies:
      - name: IssuePermitWhenApplicationSubmitted
        on: ApplicationSubmited          # did you mean "ApplicationSubmitted"?
        then: IssuePermit
    readModels:
      - name: ApplicationResult
        key: applicationId
        from: [ApplicationSubmitted, PermitIsued]   # did you mean "PermitIssued"?

Passes:

    policies:
      - name: IssuePermitWhenApplicationSubmitted
        on: ApplicationSubmitted
        then: IssuePermit
    readModels:
      - name: ApplicationResult
        key: applicationId
        from: [ApplicationSubmitted, PermitIssued]`,
  check(model) {
    const findings: Finding[] = [];
    const names = model.events.map((e) => e.name);
    for (const policy of model.policies) {
      if (policy.on.target) continue;
      findings.push({
        pointer: policy.on.pointer,
        message: `Policy "${policy.name}" reacts to "${policy.on.name}", which is not an event of the model${didYouMean(policy.on.name, names)}`,
      });
    }
    for (const readModel of model.readModels) {
      for (const from of readModel.from) {
        if (from.target) continue;
        findings.push({
          pointer: from.pointer,
          message: `Read model "${readModel.name}" is built from "${from.name}", which is not an event of the model${didYouMean(from.name, names)}`,
        });
      }
    }
    return findings;
  },
};
