import { words } from '../case.js';
import type { Finding } from '../finding.js';
import type { Command } from '../ir.js';
import { describeStep } from '../graph.js';
import type { Rule } from './rule.js';

/** Verbs of commands that undo something: candidates to suggest as a compensation. */
const UNDO_VERBS = ['Cancel', 'Revoke', 'Withdraw', 'Reject', 'Undo', 'Rollback', 'Reverse', 'Void', 'Retract', 'Refund', 'Release'];

function undoCandidates(command: Command): Command[] {
  return command.aggregate.commands.filter((c) => c !== command && UNDO_VERBS.includes(words(c.name)[0] ?? ''));
}

export const rule: Rule = {
  code: 'MSA305',
  name: 'missing-compensation',
  severity: 'error',
  summary: 'Every saga step before the last has a compensation, a command of the same context as the step.',
  hint: 'Add `compensation: <command that undoes the step>` to the step; it must be a command of the step\'s own service.',
  docs: `A saga has no distributed transaction to roll back. When step n fails, the steps before
it have already committed, and each of them is undone by its compensation: a command that
reverses it (cancel the application, revoke the permit). So every step but the last needs
one; the last step has nothing after it that could fail.

A compensation undoes its own step, inside the service that did it: it must be a command of
the same context as the step's command (it is handled there, with that service's data).

Government24 designs its retries and DLQ so that a message that keeps failing ends in a
compensation transaction ("rollback in saga"): the application is cancelled when issuance
fails.

Fails:

    sagas:
      - name: PermitProcessing
        coordination: choreography
        steps:
          - command: SubmitApplication       # no compensation
          - command: IssuePermit

Passes:

    sagas:
      - name: PermitProcessing
        coordination: choreography
        steps:
          - command: SubmitApplication
            compensation: CancelApplication  # same context as SubmitApplication
          - command: IssuePermit`,
  check(model) {
    const findings: Finding[] = [];
    for (const saga of model.sagas) {
      saga.steps.forEach((step, i) => {
        if (step.external) return; // MSA306: an external operation is no step at all
        const command = step.command.target;
        const compensation = step.compensation;
        if (compensation === undefined) {
          if (i === saga.steps.length - 1) return;
          const candidates = command ? undoCandidates(command) : [];
          findings.push({
            pointer: step.command.pointer,
            message: `${describeStep(saga, step)} "${step.command.name}" has no compensation; every step before the last needs one, to undo it when a later step fails`,
            hint:
              candidates.length > 0
                ? `Add \`compensation: ${candidates[0]!.name}\` to the step, or another command of context "${command!.context.name}" that undoes it.`
                : command
                  ? `Add a command to context "${command.context.name}" that undoes "${command.name}" and name it in the step's \`compensation\`.`
                  : undefined,
          });
          return;
        }
        const undo = compensation.target;
        if (!command || !undo || undo.context === command.context) return;
        findings.push({
          pointer: compensation.pointer,
          message: `${describeStep(saga, step)} is compensated by "${undo.name}" of context "${undo.context.name}", but its command "${command.name}" runs in context "${command.context.name}"; a compensation undoes its own step, in the same context`,
          hint: `Compensate with a command of context "${command.context.name}" that undoes "${command.name}".`,
        });
      });
    }
    return findings;
  },
};
