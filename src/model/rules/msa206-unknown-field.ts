import type { Finding } from '../finding.js';
import type { Aggregate, FieldSelection } from '../ir.js';
import { didYouMean } from '../suggest.js';
import type { Rule } from './rule.js';

function selectionFindings(what: string, selection: FieldSelection, aggregate: Aggregate): Finding[] {
  const names = aggregate.fields.map((f) => f.name);
  return selection.refs
    .filter((ref) => ref.target === undefined)
    .map((ref) => ({
      pointer: ref.pointer,
      message: `${what} lists field "${ref.name}", which is not a field of aggregate "${aggregate.name}"${didYouMean(ref.name, names)}`,
      hint: `Declare "${ref.name}" under the aggregate's \`fields\`, or give the message fields of its own as a map (name: type).`,
    }));
}

export const rule: Rule = {
  code: 'MSA206',
  name: 'unknown-field',
  severity: 'error',
  summary:
    'Field names resolve: list-form `fields` of events and commands name aggregate fields, a policy `idempotencyKey` is a field of its event, and route `{param}`s are payload fields (the key, for read models).',
  hint: 'Correct the field name, or declare the field where it is looked up.',
  docs: `Several places name fields instead of declaring them, and each name must resolve:

- an event's or a command's \`fields\` written as a list names fields of its aggregate
  (\`fields: [applicationId, citizenId]\`); a map declares fields of the message's own;
- a policy's \`idempotencyKey\` is a field of the event the policy is \`on\`: the generated
  consumer remembers its value and does not process a second record with the same one;
- each \`{param}\` of a command's \`http\` route is a field of the command's payload, filled
  from the path;
- a read model's lookup route takes exactly its key: \`GET /application-results/{applicationId}\`.

Government24's idempotency rule is business-centric: an application already issued is not
issued again. That check needs the complaint id on the event, under the name the policy uses.
(Keys of a read model's \`status:\` map that are not among its \`from\` events are not checked
here.)

Fails:

    aggregates:
      - name: Application
        fields:
          applicationId: { type: uuid, key: true }
        commands:
          - name: RecordIssuanceResult
            http: POST /applications/{id}/result    # "id" is not a payload field
            fields: [applicationId]
    policies:
      - name: IssuePermitWhenApplicationSubmitted
        on: ApplicationSubmitted
        then: IssuePermit
        idempotencyKey: applicatonId               # did you mean "applicationId"?

Passes:

    aggregates:
      - name: Application
        fields:
          applicationId: { type: uuid, key: true }
        commands:
          - name: RecordIssuanceResult
            http: POST /applications/{applicationId}/result
            fields: [applicationId]
    policies:
      - name: IssuePermitWhenApplicationSubmitted
        on: ApplicationSubmitted
        then: IssuePermit
        idempotencyKey: applicationId`,
  check(model) {
    const findings: Finding[] = [];
    for (const aggregate of model.aggregates) {
      for (const event of aggregate.events) findings.push(...selectionFindings(`Event "${event.name}"`, event.payload, aggregate));
      for (const command of aggregate.commands) {
        findings.push(...selectionFindings(`Command "${command.name}"`, command.payload, aggregate));
        const http = command.http;
        if (!http) continue;
        const fields = command.payload.fields.map((f) => f.name);
        // A listed field that does not resolve was reported above, not again as a parameter.
        const unresolved = command.payload.refs.filter((r) => !r.target).map((r) => r.name);
        for (const param of http.params) {
          if (fields.includes(param) || unresolved.includes(param)) continue;
          findings.push({
            pointer: http.pointer,
            message: `Route "${http.method} ${http.path}" of command "${command.name}" has parameter "${param}", which is not a field of the command's payload${didYouMean(param, fields)}`,
            hint: `Name a payload field in the path, or add "${param}" to the command's \`fields\`.`,
          });
        }
      }
    }

    for (const policy of model.policies) {
      const key = policy.idempotencyKey;
      const event = policy.on.target;
      if (!key || key.target || !event) continue;
      // The event lists the field, but its aggregate lacks it: reported as the event's unknown field.
      if (event.payload.refs.some((r) => r.name === key.name && !r.target)) continue;
      const fields = event.payload.fields.map((f) => f.name);
      findings.push({
        pointer: key.pointer,
        message: `Policy "${policy.name}" uses "${key.name}" as idempotency key, but event "${event.name}" does not carry it${didYouMean(key.name, fields)}`,
        hint: `Use a field of "${event.name}" (${fields.join(', ') || 'it has none'}), or add "${key.name}" to the event's fields.`,
      });
    }

    for (const readModel of model.readModels) {
      const http = readModel.http;
      for (const param of http.params) {
        if (param === readModel.key.name) continue;
        findings.push({
          pointer: http.pointer,
          message: `Route "${http.method} ${http.path}" of read model "${readModel.name}" has parameter "${param}"; a lookup route's parameter is the read model's key "${readModel.key.name}"`,
          hint: `Write the route as ${http.method} ${http.path.replace(`{${param}}`, `{${readModel.key.name}}`)}.`,
        });
      }
    }
    return findings;
  },
};
