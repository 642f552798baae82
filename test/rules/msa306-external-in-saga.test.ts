import { rule } from '../../src/model/rules/msa306-external-in-saga.js';
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
      name: 'step 2 of the saga is an operation of an external system.',
      edits: [{ find: '- command: IssuePermit', replace: '- command: VerifyParcel' }],
      errors: [
        { messageId: 'externalStep', line: 96, column: 18, data: { saga: 'PermitProcessing', step: '2', operation: 'VerifyParcel', external: 'LandRegistry' } },
      ],
    },
    {
      name: 'compensation: step 1 is compensated by an operation of an external system.',
      edits: [{ find: 'compensation: CancelApplication', replace: 'compensation: VerifyParcel' }],
      errors: [
        { messageId: 'externalCompensation', line: 95, column: 23, data: { saga: 'PermitProcessing', step: '1', operation: 'VerifyParcel', external: 'LandRegistry' } },
      ],
    },
    {
      name: 'an operation of an external system no context calls is a step and a compensation',
      model: `
        externals:
          - name: LandRegistry
            commands: [VerifyParcel]

        sagas:
          - name: PermitProcessing
            coordination: orchestration
            steps:
              - command: SubmitApplication
                compensation: VerifyParcel
              - command: VerifyParcel
              - command: IssuePermit
      `,
      errors: [
        { messageId: 'externalCompensationUncalled', line: 10, column: 23, data: { saga: 'PermitProcessing', step: '1', operation: 'VerifyParcel', external: 'LandRegistry' } },
        { messageId: 'externalStepUncalled', line: 11, column: 18, data: { saga: 'PermitProcessing', step: '2', operation: 'VerifyParcel', external: 'LandRegistry' } },
      ],
    },
  ],
});
