import { rule } from '../../src/model/rules/msa202-emits-unknown-event.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the base model (test/fixtures/minimal)',
      model: `
        version: 1
      `,
    },
  ],
  invalid: [
    {
      name: 'CancelApplication emits a misspelt event.',
      edits: [{ find: 'emits: [ApplicationCancelled]', replace: 'emits: [ApplicationCanceled]' }],
      errors: [
        { messageId: 'unknownEvent', line: 31, column: 21, data: { command: 'CancelApplication', event: 'ApplicationCanceled', aggregate: 'Application' } },
      ],
    },
    {
      name: 'elsewhere: RecordIssuanceResult emits an event of another aggregate.',
      edits: [{ find: 'emits: [IssuanceResultRecorded]', replace: 'emits: [IssuanceResultRecorded, PermitIssued]' }],
      errors: [
        { messageId: 'eventOfOtherAggregate', line: 35, column: 45, data: { command: 'RecordIssuanceResult', event: 'PermitIssued', aggregate: 'Application', otherAggregate: 'Permit' } },
      ],
    },
  ],
});
