import { rule } from '../../src/model/rules/msa301-unconsumed-event.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the base model (test/fixtures/minimal)',
      model: `
        version: 1
      `,
    },
    {
      name: 'orchestration: PermitIssuanceFailed has no policy; the orchestrator of the saga consumes it.',
      edits: [
        { in: '- name: application', remove: 'policies:' },
        { after: 'name: IssuePermit', insert: 'http: POST /permits' },
        { find: 'coordination: choreography', replace: 'coordination: orchestration' },
        { after: 'coordination: orchestration', insert: 'orchestrator: application' },
      ],
    },
  ],
  invalid: [
    {
      name: 'nothing consumes IssuanceResultRecorded, and it is not marked terminal.',
      edits: [{ remove: 'terminal: true' }],
      errors: [
        { messageId: 'unconsumed', line: 41, column: 19, data: { event: 'IssuanceResultRecorded' } },
      ],
    },
  ],
});
