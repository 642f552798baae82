import { findExternalOperation } from '../graph.js';
import { defineRule } from './rule.js';

/** `"issuance" or "payment"`: the contexts that call an external, or undefined when none does. */
const callerList = (calledBy: readonly { readonly name: string }[]) =>
  calledBy.length > 0 ? calledBy.map((c) => `"${c.name}"`).join(' or ') : undefined;

export const rule = defineRule({
  code: 'MSA306',
  name: 'external-in-saga',
  severity: 'error',
  summary: 'No saga step or compensation names an operation of an external system.',
  hint: 'Call the external system from a command handler of the context that uses it, and make that command the saga step.',
  docs: `A saga can only keep consistency over steps it controls: each step publishes an event
the next one reacts to, and each can be undone by a compensation. An external system (another
agency's registry, a linkage centre) does neither: it publishes no events into the platform,
cannot be compensated, and fails on its own schedule. Putting its operation into a saga puts
a part the platform cannot control inside the transaction.

Government24 says so explicitly: the choreography saga covers the internal application ↔
issuance process, and "external linkage sections that cannot be controlled are excluded from
the Saga transaction scope". The external call belongs inside a command handler of the
service that calls it (an external's \`calledBy\`), with its own timeout and retry; the saga
step is that command.`,
  messages: {
    /** `callers`: the contexts in the external's `calledBy`, quoted and joined by "or". */
    externalStep: {
      text: 'Saga "{{saga}}" step {{step}} calls "{{operation}}" of external system "{{external}}"; external systems stay outside the saga',
      hint: 'Call the external system from a command handler of {{callers}} (its `calledBy`), and make that command the saga step.',
    },
    /** As externalStep, for an external no context calls. */
    externalStepUncalled:
      'Saga "{{saga}}" step {{step}} calls "{{operation}}" of external system "{{external}}"; external systems stay outside the saga',
    externalCompensation: {
      text: 'Saga "{{saga}}" step {{step}} is compensated by "{{operation}}" of external system "{{external}}"; external systems stay outside the saga',
      hint: 'Call the external system from a command handler of {{callers}} (its `calledBy`), and make that command the compensation.',
    },
    externalCompensationUncalled: {
      text: 'Saga "{{saga}}" step {{step}} is compensated by "{{operation}}" of external system "{{external}}"; external systems stay outside the saga',
      hint: 'Call the external system from a command handler of the context that uses it, and make that command the compensation.',
    },
  },
  examples: {
    fails: [
      {
        yaml: `externals:
  - name: LandRegistry
    calledBy: [issuance]
    commands: [VerifyParcel]
sagas:
  - name: PermitProcessing
    coordination: choreography
    steps:
      - command: SubmitApplication
        compensation: CancelApplication
      - command: VerifyParcel          # an operation of LandRegistry`,
      },
    ],
    passes: [
      {
        yaml: `sagas:
  - name: PermitProcessing
    coordination: choreography
    steps:
      - command: SubmitApplication
        compensation: CancelApplication
      - command: IssuePermit           # its handler calls LandRegistry.VerifyParcel`,
      },
    ],
  },
  check(model, report) {
    for (const saga of model.sagas) {
      for (const step of saga.steps) {
        const at = { saga: saga.name, step: step.index + 1 };
        const op = step.external;
        if (op) {
          const data = { ...at, operation: op.name, external: op.external.name };
          const callers = callerList(op.external.calledBy);
          if (callers === undefined) report({ pointer: step.command.pointer, messageId: 'externalStepUncalled', data });
          else report({ pointer: step.command.pointer, messageId: 'externalStep', data: { ...data, callers } });
        }
        const compensation = step.compensation;
        const undo = compensation && findExternalOperation(model, compensation.name);
        if (compensation && undo) {
          const data = { ...at, operation: undo.name, external: undo.external.name };
          const callers = callerList(undo.external.calledBy);
          if (callers === undefined) report({ pointer: compensation.pointer, messageId: 'externalCompensationUncalled', data });
          else report({ pointer: compensation.pointer, messageId: 'externalCompensation', data: { ...data, callers } });
        }
      }
    }
  },
});
