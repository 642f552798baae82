import { emittersByEvent } from '../graph.js';
import { joinPointer } from '../pointer.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA307',
  name: 'unemitted-event',
  severity: 'warning',
  summary: "Every event is emitted by a command (it appears in some command's `emits`).",
  hint: "Add the event to the `emits` of the command that produces it, or remove the event.",
  docs: `An event records that a command happened. An event that no command emits gets a topic,
a schema and consumers, but nothing in the generated platform ever publishes it: its
consumers wait forever and the flow that starts from it never runs.

Government24's event design makes each event the result of one step: the application
service publishes the application event after the citizen submits, the issuance service
publishes the issuance event after issuing. Each of those steps is a command that \`emits\`
the event.`,
  messages: {
    unemitted: {
      text: 'Event "{{event}}" is emitted by no command',
      hint: 'Add "{{event}}" to the `emits` of the command of aggregate "{{aggregate}}" that produces it, or remove the event.',
    },
  },
  examples: {
    fails: [
      {
        at: '/contexts/0',
        yaml: `aggregates:
  - name: Application
    commands:
      - name: SubmitApplication
        emits: [ApplicationSubmitted]
    events:
      - name: ApplicationSubmitted
      - name: ApplicationWithdrawn       # no command emits it`,
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
      - name: WithdrawApplication
        actor: Citizen
        emits: [ApplicationWithdrawn]
    events:
      - name: ApplicationSubmitted
      - name: ApplicationWithdrawn`,
      },
    ],
  },
  check(model, report) {
    const emitters = emittersByEvent(model);
    for (const event of model.events) {
      if ((emitters.get(event.name)?.length ?? 0) > 0) continue;
      report({
        pointer: joinPointer(event.pointer, 'name'),
        messageId: 'unemitted',
        data: { event: event.name, aggregate: event.aggregate.name },
      });
    }
  },
});
