import { consumersByEvent } from '../graph.js';
import { joinPointer } from '../pointer.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA301',
  name: 'unconsumed-event',
  severity: 'warning',
  summary: 'Every event is consumed (by a policy, a read model or an orchestration saga), unless it is marked `terminal: true`.',
  hint: 'Add a policy `on` the event or a read model `from` it, or mark it `terminal: true` if nobody consumes it on purpose.',
  docs: `Every event gets a Kafka topic, a DLQ and a publisher in the generated platform. An event
that nothing consumes is often a flow that was never finished: a policy that should react to
it, or a lookup that should show it, is missing.

An event counts as consumed when a policy is \`on\` it, a read model is built \`from\` it, or
it is emitted by a step command of an orchestration saga (the orchestrator waits for it).
Events that end a flow on purpose say so with \`terminal: true\`.

In Government24 every step of the asynchronous complaint flow is an event someone subscribes
to: the issuance service to the application event, the application result lookup (CQRS) to
the application and issuance events, the compensation to the issuance failure.`,
  messages: {
    unconsumed: 'Event "{{event}}" is consumed by nothing (no policy, read model or orchestration saga) and is not marked terminal',
  },
  examples: {
    fails: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `events:
  - name: ApplicationArchived         # no policy, no read model
    fields: [applicationId]`,
      },
    ],
    passes: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `events:
  - name: ApplicationArchived
    fields: [applicationId]
    terminal: true`,
      },
    ],
  },
  check(model, report) {
    const consumers = consumersByEvent(model);
    for (const event of model.events) {
      if (event.terminal || (consumers.get(event.name)?.length ?? 0) > 0) continue;
      report({ pointer: joinPointer(event.pointer, 'name'), messageId: 'unconsumed', data: { event: event.name } });
    }
  },
});
