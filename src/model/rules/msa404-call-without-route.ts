import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA404',
  name: 'call-without-route',
  severity: 'error',
  retired:
    'a command a synchronous call names gets its conventional route when it writes no `http`, so a call always has a route to call. MSA407 reports a conventional route that collides with another route of the service; `msa-gen routes` prints every route.',
  summary: 'The command a synchronous call names needed an `http` route; now it gets its conventional route when it writes none.',
  hint: 'Nothing to fix: `msa-gen routes <model>` shows the route a called command gets; write `http:` only to choose another.',
  docs: `A \`calls\` entry is a synchronous REST dependency: \`from\` calls the \`command\` of \`to\` over
HTTP (Government24's issuance service calls the application service to record the issuance
result, instead of writing into its database). The generated client needs the method and path
of the route. This rule used to require an \`http\` route on the called command. Now \`http\` is
an override: a called command that writes none is served at its conventional route,
\`POST /<aggregates>/{<key>}/<command>\` (\`POST /applications/{applicationId}/record-issuance-result\`),
or \`POST /<aggregates>/<command>\` when its input lacks the aggregate's key.`,
  messages: {
    /** Reported by no model since routes follow a convention; the id stays for SARIF consumers. */
    noRoute: {
      text: 'Context "{{from}}" calls command "{{command}}" of "{{context}}", which has no `http` route to call',
      hint: 'Give "{{command}}" a route, e.g. http: {{route}}',
    },
  },
  examples: {
    fails: [],
    passes: [
      {
        at: { commands: '/contexts/0/aggregates/0', calls: '' },
        yaml: `commands:
  - name: RecordDecision                 # served at POST /applications/{applicationId}/record-decision
    fields: [applicationId]
    emits: [DecisionRecorded]
calls:
  - from: issuance
    to: application
    command: RecordDecision`,
      },
    ],
  },
  check() {
    // Retired: a called command without `http` gets its conventional route (routes.ts).
  },
});
