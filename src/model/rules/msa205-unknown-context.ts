import type { Finding } from '../finding.js';
import type { Context, Ref } from '../ir.js';
import { didYouMean } from '../suggest.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA205',
  name: 'unknown-context',
  severity: 'error',
  summary: "A call's `from` and `to`, an external system's `calledBy` and a saga's `orchestrator` name contexts of the model.",
  hint: 'Correct the name to one of the declared contexts (DNS-1123 labels such as `application`).',
  docs: `Some elements name a bounded context, and each of those names must be the \`name\` of a
context declared under \`contexts\`:

- a call's \`from\` (the calling service) and \`to\` (the called one): they decide which service
  gets the typed REST client and which one serves the route;
- an external system's \`calledBy\`: the services that get a client for the external system;
- an orchestration saga's \`orchestrator\`: the service that hosts the saga's state machine.

In Government24, immediate issuance is a synchronous REST call from the issuance service to
the application service, and the linkage service is the one that talks to other agencies'
systems; a misspelt service name would generate the client in no service at all.

Fails:

    calls:
      - from: issuence                 # did you mean "issuance"?
        to: application
        command: RecordIssuanceResult

Passes:

    calls:
      - from: issuance
        to: application
        command: RecordIssuanceResult`,
  check(model) {
    const findings: Finding[] = [];
    const names = model.contexts.map((c) => c.name);
    const unknown = (ref: Ref<Context>, what: string) => {
      if (ref.target) return;
      findings.push({
        pointer: ref.pointer,
        message: `${what} "${ref.name}", which is not a context of the model${didYouMean(ref.name, names)}`,
      });
    };
    for (const call of model.calls) {
      unknown(call.from, `Call of "${call.command.name}" comes from`);
      unknown(call.to, `Call of "${call.command.name}" goes to`);
    }
    for (const external of model.externals) {
      for (const caller of external.calledBy) unknown(caller, `External system "${external.name}" is called by`);
    }
    for (const saga of model.sagas) {
      if (saga.orchestrator) unknown(saga.orchestrator, `Saga "${saga.name}" is orchestrated by`);
    }
    return findings;
  },
};
