import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA405',
  name: 'orchestration-step-without-route',
  severity: 'error',
  retired:
    'a step or compensation an orchestrator sends to another context gets its conventional route when it writes no `http`. MSA407 reports a conventional route that collides with another route of the service; `msa-gen routes` prints every route.',
  summary:
    'A step or compensation of an orchestration saga in another context than the orchestrator needed an `http` route; now it gets its conventional route when it writes none.',
  hint: 'Nothing to fix: `msa-gen routes <model>` shows the route a step gets; write `http:` only to choose another.',
  docs: `An orchestration saga is a state machine in one context (\`orchestrator\`, by default the
context of the first step). It sends each step's command to the service that owns it and,
when a step fails, sends the compensations of the completed steps in reverse order, over HTTP
(through the same client with a timeout, retries and a circuit breaker as \`calls\`). This rule
used to require an \`http\` route on each such command in another context. Now \`http\` is an
override: a step or compensation in another context that writes none is served at its
conventional route, \`POST /<aggregates>/{<key>}/<command>\`, or \`POST /<aggregates>/<command>\`
when its input lacks the aggregate's key (\`POST /permits/issue-permit\`). A step in the
orchestrator's own context is served at \`POST /commands/<command>\` as before.`,
  messages: {
    /** Reported by no model since routes follow a convention; the id stays for SARIF consumers. */
    noRoute: {
      text: 'Saga "{{saga}}" is orchestrated by "{{orchestrator}}", which sends {{role}} "{{command}}" to context "{{context}}" over HTTP, but the command has no `http` route',
      hint: 'Give "{{command}}" a route, e.g. http: {{route}}',
    },
  },
  examples: {
    fails: [],
    passes: [
      {
        yaml: `sagas:
  - name: PermitProcessing
    coordination: orchestration
    orchestrator: application
    steps:
      - command: SubmitApplication
        compensation: CancelApplication
      - command: IssuePermit             # in context issuance: served at POST /permits/issue-permit`,
      },
    ],
  },
  check() {
    // Retired: an orchestrated command in another context without `http` gets its conventional route (routes.ts).
  },
});
