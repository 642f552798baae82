import { joinPointer } from '../pointer.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA310',
  name: 'choreography-step-timeout',
  severity: 'warning',
  summary: 'Only an orchestration saga sets `stepTimeout`.',
  hint: 'Remove `stepTimeout` from the saga, or make it `coordination: orchestration`.',
  docs: `\`stepTimeout\` is the deadline of an orchestration step: the orchestrator persists when
each step it sent is due, and fails the saga and compensates the completed steps when no
outcome event has come by then (see docs/model.md, Sagas). A choreography saga has no
orchestrator: each step is started by a policy on the previous step's event, and nothing
keeps a deadline. A \`stepTimeout\` there has no effect, and a reader would think the steps
were bounded. A stalled choreography step shows up as consumer retries and DLQ records
instead.`,
  messages: {
    choreography: 'Saga "{{saga}}" is a choreography: no orchestrator keeps its `stepTimeout`, which has no effect',
  },
  examples: {
    fails: [
      {
        yaml: `sagas:
  - name: PermitProcessing
    coordination: choreography
    stepTimeout: 10m`,
      },
    ],
    passes: [
      {
        yaml: `sagas:
  - name: PermitProcessing
    coordination: orchestration
    stepTimeout: 10m`,
      },
    ],
  },
  check(model, report) {
    for (const saga of model.sagas) {
      if (saga.coordination === 'choreography' && saga.stepTimeoutExplicit) {
        report({ pointer: joinPointer(saga.pointer, 'stepTimeout'), messageId: 'choreography', data: { saga: saga.name } });
      }
    }
  },
});
