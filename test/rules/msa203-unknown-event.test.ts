import { rule } from '../../src/model/rules/msa203-unknown-event.js';
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
      name: 'a policy is on a misspelt event.',
      edits: [{ find: 'on: ApplicationSubmitted', replace: 'on: ApplicationSubmited' }],
      errors: [
        { messageId: 'policyOnUnknownEvent', line: 68, column: 13, data: { policy: 'IssuePermitWhenApplicationSubmitted', event: 'ApplicationSubmited' } },
      ],
    },
    {
      name: 'read-model: a read model is built from a misspelt event and from one nobody declared.',
      edits: [
        { find: 'from: [ApplicationSubmitted, PermitIssued, ApplicationCancelled]', replace: 'from: [ApplicationSubmitted, PermitIssued, ApplicationCancelled, PermitIssuanceFailled, ApplicationWithdrawn]' },
      ],
      errors: [
        { messageId: 'readModelFromUnknownEvent', line: 77, column: 74, data: { readModel: 'ApplicationResult', event: 'PermitIssuanceFailled' } },
        { messageId: 'readModelFromUnknownEvent', line: 77, column: 97, data: { readModel: 'ApplicationResult', event: 'ApplicationWithdrawn' } },
      ],
    },
  ],
});
