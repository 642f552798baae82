import type { Aggregate, FieldSelection } from '../ir.js';
import { didYouMean } from '../suggest.js';
import { defineRule, type Messages, type Report } from './rule.js';

const messages = {
  /** `kind`: Event, Command. */
  listedField: {
    text: '{{kind}} "{{name}}" lists field "{{field}}", which is not a field of aggregate "{{aggregate}}"{{suggestion}}',
    hint: 'Declare "{{field}}" under the aggregate\'s `fields`, or give the message fields of its own as a map (name: type).',
  },
  routeParameter: {
    text: 'Route "{{method}} {{path}}" of command "{{command}}" has parameter "{{param}}", which is not a field of the command\'s payload{{suggestion}}',
    hint: 'Name a payload field in the path, or add "{{param}}" to the command\'s `fields`.',
  },
  /** `fields`: the event's fields, or that it has none. */
  idempotencyKey: {
    text: 'Policy "{{policy}}" uses "{{key}}" as idempotency key, but event "{{event}}" does not carry it{{suggestion}}',
    hint: 'Use a field of "{{event}}" ({{fields}}), or add "{{key}}" to the event\'s fields.',
  },
  /** `route`: the route with the key as its parameter. */
  lookupParameter: {
    text: 'Route "{{method}} {{path}}" of read model "{{readModel}}" has parameter "{{param}}"; a lookup route\'s parameter is the read model\'s key "{{key}}"',
    hint: 'Write the route as {{route}}.',
  },
} as const satisfies Messages;

/** Reports the fields a list-form `fields` names that are not fields of its aggregate. */
function unknownFields(
  element: { kind: string; name: string },
  selection: FieldSelection,
  aggregate: Aggregate,
  report: Report<typeof messages>,
): void {
  const names = aggregate.fields.map((f) => f.name);
  for (const ref of selection.refs) {
    if (ref.target !== undefined) continue;
    report({
      pointer: ref.pointer,
      messageId: 'listedField',
      data: { ...element, field: ref.name, aggregate: aggregate.name, suggestion: didYouMean(ref.name, names) },
    });
  }
}

export const rule = defineRule({
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
here.)`,
  messages,
  examples: {
    fails: [
      {
        at: { aggregates: '/contexts/0', policies: '/contexts/1' },
        yaml: `aggregates:
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
    idempotencyKey: applicatonId               # did you mean "applicationId"?`,
      },
    ],
    passes: [
      {
        at: { aggregates: '/contexts/0', policies: '/contexts/1' },
        yaml: `aggregates:
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
      },
    ],
  },
  check(model, report) {
    for (const aggregate of model.aggregates) {
      for (const event of aggregate.events) unknownFields({ kind: 'Event', name: event.name }, event.payload, aggregate, report);
      for (const command of aggregate.commands) {
        unknownFields({ kind: 'Command', name: command.name }, command.payload, aggregate, report);
        const http = command.http;
        if (!http) continue;
        const fields = command.payload.fields.map((f) => f.name);
        // A listed field that does not resolve was reported above, not again as a parameter.
        const unresolved = command.payload.refs.filter((r) => !r.target).map((r) => r.name);
        for (const param of http.params) {
          if (fields.includes(param) || unresolved.includes(param)) continue;
          report({
            pointer: http.pointer,
            messageId: 'routeParameter',
            data: { method: http.method, path: http.path, command: command.name, param, suggestion: didYouMean(param, fields) },
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
      report({
        pointer: key.pointer,
        messageId: 'idempotencyKey',
        data: { policy: policy.name, key: key.name, event: event.name, suggestion: didYouMean(key.name, fields), fields: fields.join(', ') || 'it has none' },
      });
    }

    for (const readModel of model.readModels) {
      const http = readModel.http;
      for (const param of http.params) {
        if (param === readModel.key.name) continue;
        report({
          pointer: http.pointer,
          messageId: 'lookupParameter',
          data: {
            method: http.method,
            path: http.path,
            readModel: readModel.name,
            param,
            key: readModel.key.name,
            route: `${http.method} ${http.path.replace(`{${param}}`, `{${readModel.key.name}}`)}`,
          },
        });
      }
    }
  },
});
