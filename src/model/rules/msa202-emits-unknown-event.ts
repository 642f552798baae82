import type { Finding } from '../finding.js';
import { describeOwner, groupByName } from '../graph.js';
import { didYouMean } from '../suggest.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'MSA202',
  name: 'emits-unknown-event',
  severity: 'error',
  summary: "A command's `emits` names events of the command's own aggregate.",
  hint: "Declare the event under the aggregate's `events`, or correct the name.",
  docs: `A command changes one aggregate and records what happened as that aggregate's events:
the generated handler publishes them through the aggregate's outbox, with the aggregate's
key as the record key and CloudEvents subject. So every name in a command's \`emits\` must be
an event declared under \`events\` of the same aggregate.

When the name is an event of another aggregate, the finding says where it lives: either the
event belongs to this aggregate (move it), or the other aggregate's command should emit it
and a policy should connect the two. In the Government24 flow the application service
publishes GeneralApplicationSubmitted and the issuance service, subscribed to it, publishes
its own issuance events; neither publishes the other's.

Fails:

    aggregates:
      - name: Application
        commands:
          - name: SubmitApplication
            emits: [ApplicationSubmited]     # did you mean "ApplicationSubmitted"?
        events:
          - name: ApplicationSubmitted

Passes:

    aggregates:
      - name: Application
        commands:
          - name: SubmitApplication
            emits: [ApplicationSubmitted]
        events:
          - name: ApplicationSubmitted`,
  check(model) {
    const findings: Finding[] = [];
    const events = groupByName(model.events);
    for (const command of model.commands) {
      const own = command.aggregate;
      for (const emitted of command.emits) {
        if (emitted.target) continue;
        const elsewhere = events.get(emitted.name)?.[0];
        if (elsewhere) {
          findings.push({
            pointer: emitted.pointer,
            message: `Command "${command.name}" emits "${emitted.name}", an event of ${describeOwner(elsewhere)}; a command emits only events of its own aggregate "${own.name}"`,
            hint: `Move event "${emitted.name}" to aggregate "${own.name}", or let a command of aggregate "${elsewhere.aggregate.name}" emit it (a policy can connect the two).`,
          });
        } else {
          findings.push({
            pointer: emitted.pointer,
            message: `Command "${command.name}" emits "${emitted.name}", which is not an event of aggregate "${own.name}"${didYouMean(
              emitted.name,
              own.events.map((e) => e.name),
            )}`,
          });
        }
      }
    }
    return findings;
  },
};
