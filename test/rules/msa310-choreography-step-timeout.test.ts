import { rule } from '../../src/model/rules/msa310-choreography-step-timeout.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the base model (test/fixtures/minimal): a choreography without stepTimeout',
      model: `
        version: 1
      `,
    },
    {
      name: 'an orchestration sets its step deadline',
      model: `
        sagas:
          - name: PermitProcessing
            coordination: orchestration
            stepTimeout: 90s
            steps:
              - command: SubmitApplication
                compensation: CancelApplication
              - command: IssuePermit
      `,
    },
  ],
  invalid: [
    {
      name: 'a choreography sets stepTimeout, which nothing keeps',
      model: `
        sagas:
          - name: PermitProcessing
            coordination: choreography
            stepTimeout: 300000
            steps:
              - command: SubmitApplication
                compensation: CancelApplication
              - command: IssuePermit
      `,
      errors: [{ messageId: 'choreography', line: 4, column: 18, data: { saga: 'PermitProcessing' } }],
    },
  ],
});
