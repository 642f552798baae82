import { rule } from '../../src/model/rules/msa308-double-execution.js';
import { ruleTester } from './tester.js';

/**
 * A firearm-licensing context: a request starts the flow, approval has two outcomes, a
 * licence is issued (or not), the applicant is notified. Cases add policies, calls and sagas.
 */
const LICENSING = `contexts:
  - name: licensing
    title: Firearm licensing
    aggregates:
      - name: Permit
        fields:
          applicationId: { type: uuid, key: true }
          reason: string
        commands:
          - name: SubmitPermitApplication
            actor: Applicant
            http: POST /permit-applications
            fields: [reason]
            emits: [PermitApplicationSubmitted]
          - name: RenewPermit
            actor: Applicant
            http: POST /permit-renewals
            fields: [applicationId]
            emits: [PermitRenewalRequested]
          - name: ApprovePermitApplication
            emits: [PermitApplicationApproved, PermitApplicationRejected]
          - name: WithdrawPermitApplication
            emits: [PermitApplicationWithdrawn]
          - name: IssueLicense
            emits: [LicenseIssued, LicenseIssuanceFailed]
          - name: RevokeLicense
            emits: [LicenseRevoked]
          - name: NotifyApplicant
            emits: [ApplicantNotified]
        events:
          - name: PermitApplicationSubmitted
            fields: [applicationId, reason]
          - name: PermitRenewalRequested
            fields: [applicationId]
          - name: PermitApplicationApproved
            fields: [applicationId]
          - name: PermitApplicationRejected
            fields: [applicationId, reason]
            failure: true
          - name: PermitApplicationWithdrawn
            fields: [applicationId]
          - name: LicenseIssued
            fields: [applicationId]
          - name: LicenseIssuanceFailed
            fields: [applicationId, reason]
            failure: true
          - name: LicenseRevoked
            fields: [applicationId]
          - name: ApplicantNotified
            fields: [applicationId]
`;

/** The orchestration of the issue that found the rule: approval, then issuance. */
const ORCHESTRATION = `sagas:
  - name: FirearmLicensing
    coordination: orchestration
    steps:
      - command: SubmitPermitApplication
        compensation: WithdrawPermitApplication
      - command: ApprovePermitApplication
        compensation: WithdrawPermitApplication
      - command: IssueLicense
`;

const model = (...sections: string[]) => sections.join('');

ruleTester(rule, {
  valid: [
    {
      name: 'the base model (test/fixtures/minimal)',
      model: `
        version: 1
      `,
    },
    {
      name: 'the orchestrator alone issues the licence; a policy starts step 1, which no orchestrator sends',
      model: model(
        LICENSING,
        `    policies:
      - name: SubmitApplicationWhenRenewalRequested
        on: PermitRenewalRequested
        then: SubmitPermitApplication
`,
        ORCHESTRATION,
      ),
    },
    {
      name: 'two policies issue one command on events that follow different outcomes of one command (alternatives)',
      model: model(
        LICENSING,
        `    policies:
      - name: ApproveWhenSubmitted
        on: PermitApplicationSubmitted
        then: ApprovePermitApplication
      - name: IssueWhenApproved
        on: PermitApplicationApproved
        then: IssueLicense
      - name: NotifyWhenRejected
        on: PermitApplicationRejected
        then: NotifyApplicant
      - name: RevokeWhenIssuanceFailed
        on: LicenseIssuanceFailed
        then: RevokeLicense
      - name: NotifyWhenRevoked
        on: LicenseRevoked
        then: NotifyApplicant
`,
      ),
    },
    {
      name: 'two policies issue one command on events that only different requests start',
      model: model(
        LICENSING,
        `    policies:
      - name: NotifyWhenSubmitted
        on: PermitApplicationSubmitted
        then: NotifyApplicant
      - name: NotifyWhenRenewalRequested
        on: PermitRenewalRequested
        then: NotifyApplicant
`,
      ),
    },
    {
      name: 'a policy issues a step command in a flow the saga is not part of',
      model: model(
        LICENSING,
        `    policies:
      - name: IssueLicenseWhenRenewalRequested
        on: PermitRenewalRequested
        then: IssueLicense
`,
        ORCHESTRATION,
      ),
    },
  ],
  invalid: [
    {
      name: 'the issue: IssueLicense is step 3 of the orchestration and the then of a policy on the approval',
      model: model(
        LICENSING,
        `    policies:
      - name: IssueLicenseWhenApproved
        on: PermitApplicationApproved
        then: IssueLicense
`,
        ORCHESTRATION,
      ),
      errors: [
        { messageId: 'stepAndPolicy', line: 54, column: 15, data: { command: 'IssueLicense', saga: 'FirearmLicensing', step: '3', policy: 'IssueLicenseWhenApproved', event: 'PermitApplicationApproved' } },
      ],
    },
    {
      name: 'a policy issues a step command on an event earlier in the same flow',
      model: model(
        LICENSING,
        `    policies:
      - name: IssueLicenseWhenSubmitted
        on: PermitApplicationSubmitted
        then: IssueLicense
`,
        ORCHESTRATION,
      ),
      errors: [{ messageId: 'stepAndPolicy', line: 54, column: 15, data: { step: '3', event: 'PermitApplicationSubmitted' } }],
    },
    {
      name: 'a choreography policy kept after the saga became an orchestration compensates a second time',
      model: model(
        LICENSING,
        `    policies:
      - name: WithdrawWhenIssuanceFailed
        on: LicenseIssuanceFailed
        then: WithdrawPermitApplication
`,
        ORCHESTRATION,
      ),
      errors: [
        { messageId: 'compensationAndPolicy', line: 54, column: 15, data: { command: 'WithdrawPermitApplication', saga: 'FirearmLicensing', step: '1', event: 'LicenseIssuanceFailed' } },
      ],
    },
    {
      name: 'two policies on one event issue one command',
      model: model(
        LICENSING,
        `    policies:
      - name: NotifyWhenSubmitted
        on: PermitApplicationSubmitted
        then: NotifyApplicant
      - name: AlsoNotifyWhenSubmitted
        on: PermitApplicationSubmitted
        then: NotifyApplicant
`,
      ),
      errors: [{ messageId: 'twoPolicies', line: 57, column: 15, data: { first: 'NotifyWhenSubmitted', policy: 'AlsoNotifyWhenSubmitted' } }],
    },
    {
      name: 'the second policy is on an event that follows the first one',
      model: model(
        LICENSING,
        `    policies:
      - name: NotifyWhenSubmitted
        on: PermitApplicationSubmitted
        then: NotifyApplicant
      - name: ApproveWhenSubmitted
        on: PermitApplicationSubmitted
        then: ApprovePermitApplication
      - name: NotifyWhenApproved
        on: PermitApplicationApproved
        then: NotifyApplicant
`,
      ),
      errors: [{ messageId: 'twoPolicies', line: 60, column: 15, data: { firstEvent: 'PermitApplicationSubmitted', event: 'PermitApplicationApproved' } }],
    },
    {
      name: 'the two events follow one event along two policies that run together',
      model: model(
        LICENSING,
        `    policies:
      - name: ApproveWhenSubmitted
        on: PermitApplicationSubmitted
        then: ApprovePermitApplication
      - name: WithdrawWhenSubmitted
        on: PermitApplicationSubmitted
        then: WithdrawPermitApplication
      - name: NotifyWhenApproved
        on: PermitApplicationApproved
        then: NotifyApplicant
      - name: NotifyWhenWithdrawn
        on: PermitApplicationWithdrawn
        then: NotifyApplicant
`,
      ),
      errors: [{ messageId: 'twoPolicies', line: 63, column: 15, data: { firstEvent: 'PermitApplicationApproved', event: 'PermitApplicationWithdrawn' } }],
    },
    {
      name: 'a command calls another synchronously, and policies on both outcomes issue one command',
      model: model(
        LICENSING,
        `    policies:
      - name: NotifyWhenSubmitted
        on: PermitApplicationSubmitted
        then: NotifyApplicant
      - name: NotifyWhenRevoked
        on: LicenseRevoked
        then: NotifyApplicant
calls:
  - from: licensing
    to: licensing
    command: RevokeLicense
    by: [SubmitPermitApplication]
`,
      ),
      errors: [{ messageId: 'twoPolicies', line: 57, column: 15, data: { firstEvent: 'PermitApplicationSubmitted', event: 'LicenseRevoked' } }],
    },
  ],
});
