import type { Finding } from '../finding.js';
import type { Command, Model, Ref } from '../ir.js';
import { orchestratorOf } from '../sagas.js';
import { suggestRoute } from '../routes.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
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
policies.

Fails:

    sagas:
      - name: LicenseRenewal
        coordination: orchestration
        orchestrator: renewal
        steps:
          - command: SubmitRenewal
            compensation: RejectRenewal
          - command: CapturePayment          # in context payment, no http route
            compensation: RefundPayment
          - command: IssueLicenseCard

Passes: the same, with \`http: POST /payments/{paymentId}/capture\` on CapturePayment (and
routes on RefundPayment and IssueLicenseCard).`,
  check(model: Model) {
    const findings: Finding[] = [];
    for (const saga of model.sagas) {
      if (saga.coordination !== 'orchestration') continue;
      const home = orchestratorOf(saga);
      if (!home) continue;
      const check = (ref: Ref<Command> | undefined, what: string) => {
        const command = ref?.target;
        if (!ref || !command || command.http || command.context === home) return;
        findings.push({
          pointer: ref.pointer,
          message: `Saga "${saga.name}" is orchestrated by "${home.name}", which sends ${what} "${command.name}" to context "${command.context.name}" over HTTP, but the command has no \`http\` route`,
          hint: `Give "${command.name}" a route, e.g. http: ${suggestRoute(command)}`,
        });
      };
      for (const step of saga.steps) {
        if (step.external) continue;
        check(step.command, 'the step command');
        check(step.compensation, 'the compensation');
      }
    }
    return findings;
  },
};
