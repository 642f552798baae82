import { words } from '../case.js';
import { failureWord, pastParticiple } from '../english.js';
import type { Event } from '../ir.js';
import { joinPointer } from '../pointer.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA309',
  name: 'unmarked-failure-outcome',
  severity: 'warning',
  summary: 'A saga step whose outcomes include one that reads as a failure marks a failure outcome `failure: true`.',
  hint: 'Mark the outcome that reports a failed step `failure: true`; rename it if it reports a success.',
  docs: `A saga tells a step that failed from one that succeeded by \`failure: true\` on the
event: on a failure outcome the orchestrator (or, in a choreography, the compensation
consumers) undo the completed steps; on any other outcome the saga moves on. A step with the
outcomes \`FeeCharged\` and \`FeeDeclined\`, neither marked, moves the saga on after a declined
payment.

The rule looks at the outcomes (\`emits\`) of each saga step's command. When none of them is
marked \`failure: true\` and one's name ends in a word that reads as a failure (Aborted,
Cancelled, Declined, Denied, Disapproved, Errored, Expired, Failed, Flagged, Invalidated,
Refused, Rejected, Revoked, TimedOut), it warns at that event. A step that marks any outcome
a failure has made the choice, and is left alone; so is an outcome whose word is its own
command's verb (\`CancelBooking\` → \`BookingCancelled\` is that command's success). Each
event is reported once, for the first step that has it.`,
  messages: {
    orchestration: {
      text: 'Saga "{{saga}}" step {{step}}: the saga continues on "{{event}}", which reads as a failure; mark it `failure: true`',
      hint: 'Add `failure: true` to event "{{event}}", so the orchestrator compensates the completed steps instead of sending the next one; if it reports a success, rename it.',
    },
    choreography: {
      text: 'Saga "{{saga}}" step {{step}}: no compensation runs on "{{event}}", which reads as a failure; mark it `failure: true`',
      hint: 'Add `failure: true` to event "{{event}}", so the steps before it are compensated; if it reports a success, rename it.',
    },
  },
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: issuance
    aggregates:
      - name: Permit
        events:
          - name: PermitIssuanceFailed   # an outcome of IssuePermit, a saga step
            fields: [applicationId, reason]
            failure: false`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: issuance
    aggregates:
      - name: Permit
        events:
          - name: PermitIssuanceFailed
            fields: [applicationId, reason]
            failure: true`,
      },
    ],
  },
  check(model, report) {
    const seen = new Set<Event>();
    for (const saga of model.sagas) {
      for (const step of saga.steps) {
        const command = step.command.target;
        if (!command) continue;
        const outcomes = command.emits.flatMap((e) => (e.target ? [e.target] : []));
        if (outcomes.some((e) => e.failure)) continue;
        const verb = words(command.name)[0] ?? '';
        for (const event of outcomes) {
          const word = failureWord(event.name);
          if (word === undefined || seen.has(event)) continue;
          if (word.toLowerCase() === pastParticiple(verb).toLowerCase()) continue;
          seen.add(event);
          report({
            pointer: joinPointer(event.pointer, 'name'),
            messageId: saga.coordination,
            data: { saga: saga.name, step: step.index + 1, event: event.name },
          });
        }
      }
    }
  },
});
