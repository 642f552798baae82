import type { Finding } from '../finding.js';
import { describeStep, findExternalOperation } from '../graph.js';
import type { Rule } from './rule.js';

const hintFor = (callers: readonly string[], role: string) =>
  callers.length > 0
    ? `Call the external system from a command handler of ${callers.map((c) => `"${c}"`).join(' or ')} (its \`calledBy\`), and make that command the ${role}.`
    : `Call the external system from a command handler of the context that uses it, and make that command the ${role}.`;

export const rule: Rule = {
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
step is that command.

Fails:

    externals:
      - name: LandRegistry
        calledBy: [issuance]
        commands: [VerifyParcel]
    sagas:
      - name: PermitProcessing
        coordination: choreography
        steps:
          - command: SubmitApplication
            compensation: CancelApplication
          - command: VerifyParcel          # an operation of LandRegistry

Passes:

    sagas:
      - name: PermitProcessing
        coordination: choreography
        steps:
          - command: SubmitApplication
            compensation: CancelApplication
          - command: IssuePermit           # its handler calls LandRegistry.VerifyParcel`,
  check(model) {
    const findings: Finding[] = [];
    for (const saga of model.sagas) {
      for (const step of saga.steps) {
        const op = step.external;
        if (op) {
          findings.push({
            pointer: step.command.pointer,
            message: `${describeStep(saga, step)} calls "${op.name}" of external system "${op.external.name}"; external systems stay outside the saga`,
            hint: hintFor(op.external.calledBy.map((c) => c.name), 'saga step'),
          });
        }
        const compensation = step.compensation;
        const undo = compensation && findExternalOperation(model, compensation.name);
        if (compensation && undo) {
          findings.push({
            pointer: compensation.pointer,
            message: `${describeStep(saga, step)} is compensated by "${undo.name}" of external system "${undo.external.name}"; external systems stay outside the saga`,
            hint: hintFor(undo.external.calledBy.map((c) => c.name), 'compensation'),
          });
        }
      }
    }
    return findings;
  },
};
