import { rule } from '../../src/model/rules/msa305-missing-compensation.js';
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
      name: 'step 1 of the saga has no compensation.',
      edits: [{ remove: 'compensation: CancelApplication' }],
      errors: [
        { messageId: 'noCompensationCandidate', line: 94, column: 18, data: { saga: 'PermitProcessing', step: '1', command: 'SubmitApplication', candidate: 'CancelApplication', context: 'application' } },
      ],
    },
    {
      name: 'other-context: step 1 is compensated by a command of another context.',
      edits: [
        {
          after: '- name: IssuePermit',
          insert: `
            - name: RevokePermit
              emits: [PermitRevoked]
          `,
        },
        {
          after: '- name: PermitIssued',
          insert: `
            - name: PermitRevoked
              fields: [permitId]
              terminal: true
          `,
        },
        { find: 'compensation: CancelApplication', replace: 'compensation: RevokePermit' },
      ],
      errors: [
        { messageId: 'otherContext', line: 100, column: 23, data: { saga: 'PermitProcessing', step: '1', compensation: 'RevokePermit', compensationContext: 'issuance', command: 'SubmitApplication', context: 'application' } },
      ],
    },
    {
      name: 'step 1 names a command the model lacks, so no compensation can be proposed',
      model: `
        sagas:
          - name: PermitProcessing
            coordination: choreography
            steps:
              - command: SubmitApplicationNow
              - command: IssuePermit
      `,
      errors: [
        { messageId: 'noCompensation', line: 5, column: 18, data: { saga: 'PermitProcessing', step: '1', command: 'SubmitApplicationNow' } },
      ],
    },
    {
      name: 'step 1 is IssuePermit without compensation, and its context has no other command to undo it',
      model: `
        sagas:
          - name: PermitProcessing
            coordination: choreography
            steps:
              - command: IssuePermit
              - command: RecordIssuanceResult
      `,
      errors: [
        { messageId: 'noCompensationCommand', line: 5, column: 18, data: { saga: 'PermitProcessing', step: '1', command: 'IssuePermit', context: 'issuance' } },
      ],
    },
  ],
});
