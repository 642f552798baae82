import type { Context, Ref } from '../ir.js';
import { didYouMean } from '../suggest.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
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
systems; a misspelt service name would generate the client in no service at all.`,
  messages: {
    callFrom: 'Call of "{{command}}" comes from "{{context}}", which is not a context of the model{{suggestion}}',
    callTo: 'Call of "{{command}}" goes to "{{context}}", which is not a context of the model{{suggestion}}',
    calledBy: 'External system "{{external}}" is called by "{{context}}", which is not a context of the model{{suggestion}}',
    orchestrator: 'Saga "{{saga}}" is orchestrated by "{{context}}", which is not a context of the model{{suggestion}}',
  },
  examples: {
    fails: [
      {
        yaml: `calls:
  - from: issuence                 # did you mean "issuance"?
    to: application
    command: RecordIssuanceResult`,
      },
    ],
    passes: [
      {
        yaml: `calls:
  - from: issuance
    to: application
    command: RecordIssuanceResult`,
      },
    ],
  },
  check(model, report) {
    const names = model.contexts.map((c) => c.name);
    /** The data of a finding about `ref`, when it names no context. */
    const unknown = (ref: Ref<Context>) => (ref.target === undefined ? { context: ref.name, suggestion: didYouMean(ref.name, names) } : undefined);
    for (const call of model.calls) {
      const command = call.command.name;
      const from = unknown(call.from);
      if (from) report({ pointer: call.from.pointer, messageId: 'callFrom', data: { ...from, command } });
      const to = unknown(call.to);
      if (to) report({ pointer: call.to.pointer, messageId: 'callTo', data: { ...to, command } });
    }
    for (const external of model.externals) {
      for (const caller of external.calledBy) {
        const by = unknown(caller);
        if (by) report({ pointer: caller.pointer, messageId: 'calledBy', data: { ...by, external: external.name } });
      }
    }
    for (const saga of model.sagas) {
      const by = saga.orchestrator && unknown(saga.orchestrator);
      if (by && saga.orchestrator) report({ pointer: saga.orchestrator.pointer, messageId: 'orchestrator', data: { ...by, saga: saga.name } });
    }
  },
});
