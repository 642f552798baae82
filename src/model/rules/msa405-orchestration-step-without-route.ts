import type { Command, Ref } from '../ir.js';
import { orchestratorOf } from '../sagas.js';
import { suggestRoute } from '../routes.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA405',
  name: 'orchestration-step-without-route',
  severity: 'error',
  summary: 'Every step and compensation of an orchestration saga that runs in another context than the orchestrator has an `http` route.',
  hint: 'Give the command an `http: METHOD /path` route, or move the step into the orchestrating context.',
  docs: `An orchestration saga is a state machine in one context (\`orchestrator\`, by default the
context of the first step). It sends each step's command to the service that owns it and,
when a step fails, sends the compensations of the completed steps in reverse order. The
orchestrator sends a command to another service over HTTP (through the same client with a
timeout, retries and a circuit breaker as \`calls\`), so such a command needs a route. A step in
the orchestrator's own context runs in-process and needs none.

Choreography sagas are not concerned: their steps follow each other through events and
policies.`,
  messages: {
    /** `role`: the step command, the compensation; `route`: a route to give it. */
    noRoute: {
      text: 'Saga "{{saga}}" is orchestrated by "{{orchestrator}}", which sends {{role}} "{{command}}" to context "{{context}}" over HTTP, but the command has no `http` route',
      hint: 'Give "{{command}}" a route, e.g. http: {{route}}',
    },
  },
  examples: {
    fails: [
      {
        yaml: `sagas:
  - name: PermitProcessing
    coordination: orchestration
    orchestrator: application
    steps:
      - command: SubmitApplication
        compensation: CancelApplication
      - command: IssuePermit             # in context issuance, no http route`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: issuance
    aggregates:
      - name: Permit
        commands:
          - name: IssuePermit
            http: POST /permits          # the orchestrator sends it here
sagas:
  - name: PermitProcessing
    coordination: orchestration
    orchestrator: application
    steps:
      - command: SubmitApplication
        compensation: CancelApplication
      - command: IssuePermit`,
      },
    ],
  },
  check(model, report) {
    for (const saga of model.sagas) {
      if (saga.coordination !== 'orchestration') continue;
      const home = orchestratorOf(saga);
      if (!home) continue;
      const check = (ref: Ref<Command> | undefined, role: string) => {
        const command = ref?.target;
        if (!ref || !command || command.http || command.context === home) return;
        report({
          pointer: ref.pointer,
          messageId: 'noRoute',
          data: { saga: saga.name, orchestrator: home.name, role, command: command.name, context: command.context.name, route: suggestRoute(command) },
        });
      };
      for (const step of saga.steps) {
        if (step.external) continue;
        check(step.command, 'the step command');
        check(step.compensation, 'the compensation');
      }
    }
  },
});
