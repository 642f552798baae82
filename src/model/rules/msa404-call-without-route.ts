import { suggestRoute } from '../routes.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA404',
  name: 'call-without-route',
  severity: 'error',
  summary: 'The command a synchronous call names has an `http` route.',
  hint: 'Give the called command an `http: METHOD /path` route.',
  docs: `A \`calls\` entry is a synchronous REST dependency: \`from\` calls the \`command\` of \`to\` over
HTTP (Government24's issuance service calls the application service to record the issuance
result, instead of writing into its database). The generated client needs the method and path
of the route, and the called service serves only the commands that have an \`http\` route; a
call to a command without one has nothing to call.`,
  messages: {
    /** `route`: a route to give it. */
    noRoute: {
      text: 'Context "{{from}}" calls command "{{command}}" of "{{context}}", which has no `http` route to call',
      hint: 'Give "{{command}}" a route, e.g. http: {{route}}',
    },
  },
  examples: {
    fails: [
      {
        at: { commands: '/contexts/0/aggregates/0', calls: '' },
        yaml: `commands:
  - name: RecordDecision                 # no http route
    emits: [DecisionRecorded]
calls:
  - from: issuance
    to: application
    command: RecordDecision`,
      },
    ],
    passes: [
      {
        at: { commands: '/contexts/0/aggregates/0', calls: '' },
        yaml: `commands:
  - name: RecordDecision
    http: POST /applications/{applicationId}/decision
    emits: [DecisionRecorded]
calls:
  - from: issuance
    to: application
    command: RecordDecision`,
      },
    ],
  },
  check(model, report) {
    for (const call of model.calls) {
      const command = call.command.target;
      if (!command || command.http) continue;
      report({
        pointer: call.command.pointer,
        messageId: 'noRoute',
        data: { from: call.from.name, command: command.name, context: command.context.name, route: suggestRoute(command) },
      });
    }
  },
});
