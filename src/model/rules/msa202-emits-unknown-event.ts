import { describeOwner, groupByName } from '../graph.js';
import { didYouMean } from '../suggest.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
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
its own issuance events; neither publishes the other's.`,
  messages: {
    /** `owner`: where the event is declared (`context "issuance", aggregate "Permit"`). */
    eventOfOtherAggregate: {
      text: 'Command "{{command}}" emits "{{event}}", an event of {{owner}}; a command emits only events of its own aggregate "{{aggregate}}"',
      hint: 'Move event "{{event}}" to aggregate "{{aggregate}}", or let a command of aggregate "{{otherAggregate}}" emit it (a policy can connect the two).',
    },
    unknownEvent: 'Command "{{command}}" emits "{{event}}", which is not an event of aggregate "{{aggregate}}"{{suggestion}}',
  },
  examples: {
    fails: [
      {
        at: '/contexts/0',
        yaml: `aggregates:
  - name: Application
    commands:
      - name: SubmitApplication
        emits: [ApplicationSubmited]     # did you mean "ApplicationSubmitted"?
    events:
      - name: ApplicationSubmitted`,
      },
    ],
    passes: [
      {
        at: '/contexts/0',
        yaml: `aggregates:
  - name: Application
    commands:
      - name: SubmitApplication
        emits: [ApplicationSubmitted]
    events:
      - name: ApplicationSubmitted`,
      },
    ],
  },
  check(model, report) {
    const events = groupByName(model.events);
    for (const command of model.commands) {
      const own = command.aggregate;
      for (const emitted of command.emits) {
        if (emitted.target) continue;
        const elsewhere = events.get(emitted.name)?.[0];
        const data = { command: command.name, event: emitted.name, aggregate: own.name };
        if (elsewhere) {
          report({
            pointer: emitted.pointer,
            messageId: 'eventOfOtherAggregate',
            data: { ...data, owner: describeOwner(elsewhere), otherAggregate: elsewhere.aggregate.name },
          });
        } else {
          const names = own.events.map((e) => e.name);
          report({ pointer: emitted.pointer, messageId: 'unknownEvent', data: { ...data, suggestion: didYouMean(emitted.name, names) } });
        }
      }
    }
  },
});
