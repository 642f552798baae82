import { rule } from '../../src/model/rules/msa403-sync-context-events.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'The sync issuance context is reached through a call; its one policy reacts to its own event.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true

          - name: issuance
            title: Immediate permit issuance
            communication: sync
            aggregates:
              - name: Permit
                fields:
                  permitId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: IssuePermit
                    http: POST /permits
                    emits: [PermitIssued]
                  - name: NotifyApplicant
                    emits: [ApplicantNotified]
                events:
                  - name: PermitIssued
                    fields: [permitId, applicationId]
                  - name: ApplicantNotified
                    fields: [permitId, applicationId]
                    terminal: true
            policies:
              - name: NotifyApplicantWhenPermitIssued
                on: PermitIssued
                then: NotifyApplicant

        calls:
          - from: application
            to: issuance
            command: IssuePermit
      `,
    },
  ],
  invalid: [
    {
      name: 'The issuance context is declared sync but subscribes to the application context\'s event.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId]

          - name: issuance
            title: Immediate permit issuance
            communication: sync
            aggregates:
              - name: Permit
                fields:
                  permitId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: IssuePermit
                    emits: [PermitIssued]
                events:
                  - name: PermitIssued
                    fields: [permitId, applicationId]
                    terminal: true
            policies:
              - name: IssuePermitWhenApplicationSubmitted
                on: ApplicationSubmitted
                then: IssuePermit
      `,
      errors: [
        { messageId: 'policyOnOtherContext', line: 35, column: 13, data: { policy: 'IssuePermitWhenApplicationSubmitted', context: 'issuance', event: 'ApplicationSubmitted', from: 'application', command: 'IssuePermit' } },
      ],
    },
  ],
});
