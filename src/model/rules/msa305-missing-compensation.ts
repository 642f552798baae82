import { words } from '../case.js';
import type { Command } from '../ir.js';
import { defineRule } from './rule.js';

/** Verbs of commands that undo something: candidates to suggest as a compensation. */
const UNDO_VERBS = ['Cancel', 'Revoke', 'Withdraw', 'Reject', 'Undo', 'Rollback', 'Reverse', 'Void', 'Retract', 'Refund', 'Release'];

function undoCandidates(command: Command): Command[] {
  return command.aggregate.commands.filter((c) => c !== command && UNDO_VERBS.includes(words(c.name)[0] ?? ''));
}

export const rule = defineRule({
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
fails.`,
  messages: {
    /** The step's command is not one of the model (MSA204's finding): no hint beyond the rule's. */
    noCompensation:
      'Saga "{{saga}}" step {{step}} "{{command}}" has no compensation; every step before the last needs one, to undo it when a later step fails',
    /** As noCompensation; `candidate`: a command of the step's aggregate that looks like an undo (Cancel…, Revoke…). */
    noCompensationCandidate: {
      text: 'Saga "{{saga}}" step {{step}} "{{command}}" has no compensation; every step before the last needs one, to undo it when a later step fails',
      hint: 'Add `compensation: {{candidate}}` to the step, or another command of context "{{context}}" that undoes it.',
    },
    /** As noCompensation, when no command of the aggregate looks like an undo. */
    noCompensationCommand: {
      text: 'Saga "{{saga}}" step {{step}} "{{command}}" has no compensation; every step before the last needs one, to undo it when a later step fails',
      hint: 'Add a command to context "{{context}}" that undoes "{{command}}" and name it in the step\'s `compensation`.',
    },
    otherContext: {
      text: 'Saga "{{saga}}" step {{step}} is compensated by "{{compensation}}" of context "{{compensationContext}}", but its command "{{command}}" runs in context "{{context}}"; a compensation undoes its own step, in the same context',
      hint: 'Compensate with a command of context "{{context}}" that undoes "{{command}}".',
    },
  },
  examples: {
    fails: [
      {
        yaml: `sagas:
  - name: PermitProcessing
    coordination: choreography
    steps:
      - command: SubmitApplication       # no compensation
      - command: IssuePermit`,
      },
    ],
    passes: [
      {
        yaml: `sagas:
  - name: PermitProcessing
    coordination: choreography
    steps:
      - command: SubmitApplication
        compensation: CancelApplication  # same context as SubmitApplication
      - command: IssuePermit`,
      },
    ],
  },
  check(model, report) {
    for (const saga of model.sagas) {
      saga.steps.forEach((step, i) => {
        if (step.external) return; // MSA306: an external operation is no step at all
        const command = step.command.target;
        const compensation = step.compensation;
        const at = { saga: saga.name, step: step.index + 1 };
        if (compensation === undefined) {
          if (i === saga.steps.length - 1) return;
          const data = { ...at, command: step.command.name };
          const pointer = step.command.pointer;
          if (command === undefined) {
            report({ pointer, messageId: 'noCompensation', data });
            return;
          }
          const candidate = undoCandidates(command)[0];
          if (candidate !== undefined) {
            report({ pointer, messageId: 'noCompensationCandidate', data: { ...data, candidate: candidate.name, context: command.context.name } });
          } else {
            report({ pointer, messageId: 'noCompensationCommand', data: { ...data, context: command.context.name } });
          }
          return;
        }
        const undo = compensation.target;
        if (!command || !undo || undo.context === command.context) return;
        report({
          pointer: compensation.pointer,
          messageId: 'otherContext',
          data: { ...at, compensation: undo.name, compensationContext: undo.context.name, command: command.name, context: command.context.name },
        });
      });
    }
  },
});
