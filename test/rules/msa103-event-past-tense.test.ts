import { rule } from '../../src/model/rules/msa103-event-past-tense.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'regular participles (Submitted, Applied, Cancelled), irregular ones (Sent, Paid, Withdrawn), a declared qualifier in front (GeneralDocumentIssued) and a phrasal particle after the participle (UserLoggedIn).',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          naming:
            eventQualifiers: [General, Car]
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }

        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                  documentUrl: url
                  fee: money
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                  - name: ApplyDiscount
                    actor: Clerk
                    emits: [DiscountApplied]
                  - name: CancelApplication
                    actor: Citizen
                    emits: [ApplicationCancelled]
                  - name: WithdrawApplication
                    actor: Citizen
                    emits: [ApplicationWithdrawn]
                  - name: SendDocument
                    actor: Clerk
                    emits: [DocumentSent]
                  - name: PayFee
                    actor: Citizen
                    emits: [FeePaid]
                  - name: IssueDocument
                    actor: Clerk
                    emits: [GeneralDocumentIssued]
                  - name: LogIn
                    actor: Citizen
                    emits: [UserLoggedIn]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
                  - name: DiscountApplied
                    fields: [applicationId, fee]
                    terminal: true
                  - name: ApplicationCancelled
                    fields: [applicationId]
                    terminal: true
                  - name: ApplicationWithdrawn
                    fields: [applicationId]
                    terminal: true
                  - name: DocumentSent
                    fields: [applicationId, documentUrl]
                    terminal: true
                  - name: FeePaid
                    fields: [applicationId, fee]
                    terminal: true
                  - name: GeneralDocumentIssued
                    fields: [applicationId, documentUrl]
                    terminal: true
                  - name: UserLoggedIn
                    fields: [applicationId, citizenId]
                    terminal: true
      `,
    },
  ],
  invalid: [
    {
      name: 'the event RequestSubmit is not in the past tense (RequestSubmitted).',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: ServiceRequest
                fields:
                  requestId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: SubmitRequest
                    actor: Citizen
                    http: POST /requests
                    emits: [RequestSubmit]
                events:
                  - name: RequestSubmit
                    fields: [requestId, citizenId]
                    terminal: true
      `,
      errors: [
        { messageId: 'notPastTense', line: 15, column: 19, data: { name: 'RequestSubmit' } },
      ],
    },
    {
      name: 'command-like: the event GeneralRenewLicence is named like a command (verb first); the proposal keeps the declared qualifier General in front: GeneralLicenceRenewed.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          naming:
            eventQualifiers: [General, Car]
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }

        contexts:
          - name: licensing
            title: Licence renewal
            aggregates:
              - name: Licence
                fields:
                  licenceId: { type: uuid, key: true }
                  holderId: { type: string, pii: true }
                commands:
                  - name: RenewLicence
                    actor: Holder
                    http: POST /licences/{licenceId}/renewal
                    emits: [GeneralRenewLicence]
                events:
                  - name: GeneralRenewLicence
                    fields: [licenceId, holderId]
                    terminal: true
      `,
      errors: [
        { messageId: 'notPastTense', line: 26, column: 19, data: { name: 'GeneralRenewLicence' } },
      ],
    },
    {
      name: 'irregular: DocumentSend, FeePay and ApplicationSubmitting are not in the past tense; the proposals use the irregular participles Sent and Paid, and Submitted for the gerund.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                  documentUrl: url
                  fee: money
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitting]
                  - name: SendDocument
                    actor: Clerk
                    emits: [DocumentSend]
                  - name: PayFee
                    actor: Citizen
                    emits: [FeePay]
                events:
                  - name: ApplicationSubmitting
                    fields: [applicationId, citizenId]
                    terminal: true
                  - name: DocumentSend
                    fields: [applicationId, documentUrl]
                    terminal: true
                  - name: FeePay
                    fields: [applicationId, fee]
                    terminal: true
      `,
      errors: [
        { messageId: 'notPastTense', line: 23, column: 19, data: { name: 'ApplicationSubmitting' } },
        { messageId: 'notPastTense', line: 26, column: 19, data: { name: 'DocumentSend' } },
        { messageId: 'notPastTense', line: 29, column: 19, data: { name: 'FeePay' } },
      ],
    },
    {
      name: 'no-proposal: the event ApplicationStatus ends in a noun; there is no verb to put in the past tense, so the finding proposes nothing.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  status: { type: enum, values: [Received, Issued] }
                commands:
                  - name: ChangeStatus
                    actor: Clerk
                    http: PUT /applications/{applicationId}/status
                    emits: [ApplicationStatus]
                events:
                  - name: ApplicationStatus
                    fields: [applicationId, status]
                    terminal: true
      `,
      errors: [
        { messageId: 'notPastTense', line: 15, column: 19, data: { name: 'ApplicationStatus' } },
      ],
    },
  ],
});
