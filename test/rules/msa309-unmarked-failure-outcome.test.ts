import { rule } from '../../src/model/rules/msa309-unmarked-failure-outcome.js';
import { ruleTester } from './tester.js';

/** A payment context: the fee step of a permit saga, with outcomes the cases mark or not. */
const payment = (outcomes: string, events: string, sagas = 'orchestration') => `contexts:
  - name: payment
    title: Permit fees
    aggregates:
      - name: PermitFee
        fields:
          applicationId: { type: uuid, key: true }
          reason: string
        commands:
          - name: SubmitPermitApplication
            actor: Applicant
            http: POST /permit-applications
            fields: [reason]
            emits: [PermitApplicationSubmitted]
          - name: WithdrawPermitApplication
            emits: [PermitApplicationWithdrawn]
          - name: ChargePermitFee
            emits: [${outcomes}]
        events:
          - name: PermitApplicationSubmitted
            fields: [applicationId, reason]
          - name: PermitApplicationWithdrawn
            fields: [applicationId]
${events}sagas:
  - name: PermitFees
    coordination: ${sagas}
    steps:
      - command: SubmitPermitApplication
        compensation: WithdrawPermitApplication
      - command: ChargePermitFee
`;

ruleTester(rule, {
  valid: [
    {
      name: 'the base model (test/fixtures/minimal)',
      model: `
        version: 1
      `,
    },
    {
      name: 'the declined payment is marked a failure',
      model: payment(
        'PermitFeeCharged, PermitFeeDeclined',
        `          - name: PermitFeeCharged
            fields: [applicationId]
          - name: PermitFeeDeclined
            fields: [applicationId, reason]
            failure: true
`,
      ),
    },
    {
      name: 'one failure outcome is marked: the step made its choice, the other is left alone',
      model: payment(
        'PermitFeeCharged, PermitFeeDeclined, PermitFeeFlagged',
        `          - name: PermitFeeCharged
            fields: [applicationId]
          - name: PermitFeeDeclined
            fields: [applicationId, reason]
            failure: true
          - name: PermitFeeFlagged
            fields: [applicationId, reason]
`,
      ),
    },
    {
      name: 'no outcome reads as a failure',
      model: payment(
        'PermitFeeCharged, PermitFeeWaived',
        `          - name: PermitFeeCharged
            fields: [applicationId]
          - name: PermitFeeWaived
            fields: [applicationId]
`,
      ),
    },
    {
      name: 'a cancel command whose outcome is its own verb (CancelApplication → ApplicationCancelled) succeeded',
      model: `
        sagas:
          - name: WithdrawalProcessing
            coordination: orchestration
            steps:
              - command: CancelApplication
                compensation: SubmitApplication
              - command: IssuePermit
      `,
    },
  ],
  invalid: [
    {
      name: 'the issue: an orchestration step with outcomes PermitFeeCharged and PermitFeeDeclined, neither marked',
      model: payment(
        'PermitFeeCharged, PermitFeeDeclined',
        `          - name: PermitFeeCharged
            fields: [applicationId]
          - name: PermitFeeDeclined
            fields: [applicationId, reason]
`,
      ),
      errors: [{ messageId: 'orchestration', line: 26, column: 19, data: { saga: 'PermitFees', step: '2', event: 'PermitFeeDeclined' } }],
    },
    {
      name: 'a choreography step, and a two-word failure (TimedOut) after a version suffix',
      model: payment(
        'PermitFeeCharged, PermitFeeTimedOutV2',
        `          - name: PermitFeeCharged
            fields: [applicationId]
          - name: PermitFeeTimedOutV2
            fields: [applicationId, reason]
`,
        'choreography',
      ),
      errors: [{ messageId: 'choreography', line: 26, column: 19, data: { event: 'PermitFeeTimedOutV2' } }],
    },
    {
      name: 'Cancelled reads as a failure when the command is no cancel',
      model: payment(
        'PermitFeeCharged, PermitFeeCancelled',
        `          - name: PermitFeeCharged
            fields: [applicationId]
          - name: PermitFeeCancelled
            fields: [applicationId, reason]
`,
      ),
      errors: [{ messageId: 'orchestration', line: 26, column: 19, data: { event: 'PermitFeeCancelled' } }],
    },
  ],
});
