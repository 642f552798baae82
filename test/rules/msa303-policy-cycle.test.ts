import { rule } from '../../src/model/rules/msa303-policy-cycle.js';
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
      name: 'IssuePermit → PermitIssued → (IssuePermitWhenPermitIssued) → IssuePermit.',
      edits: [
        {
          after: '- name: IssuePermitWhenApplicationSubmitted',
          insert: `
            - name: IssuePermitWhenPermitIssued
              on: PermitIssued
              then: IssuePermit
          `,
        },
      ],
      errors: [
        { messageId: 'cycle', line: 71, column: 15 },
      ],
    },
    {
      name: 'two-contexts: a cycle through two contexts: a failed issuance cancels the application, and a cancelled application issues a permit again.',
      edits: [
        {
          after: '- name: IssuePermitWhenApplicationSubmitted',
          insert: `
            - name: IssuePermitWhenApplicationCancelled
              on: ApplicationCancelled
              then: IssuePermit
          `,
        },
      ],
      errors: [
        { messageId: 'cycle', line: 45, column: 15 },
      ],
    },
  ],
});
