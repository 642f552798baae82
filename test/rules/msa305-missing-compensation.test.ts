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
                  status: { type: enum, values: [Received, Issued, Cancelled] }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    fields: [applicationId, citizenId, documentUrl]
                    emits: [ApplicationSubmitted]
                  - name: CancelApplication
                    emits: [ApplicationCancelled]
                  - name: RecordIssuanceResult
                    http: POST /applications/{applicationId}/result
                    fields: [applicationId, status]
                    emits: [IssuanceResultRecorded]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId, documentUrl]
                  - name: ApplicationCancelled
                    fields: [applicationId]
                  - name: IssuanceResultRecorded
                    fields: [applicationId, status]
                    terminal: true
            policies:
              - name: CancelApplicationWhenIssuanceFailed
                on: PermitIssuanceFailed
                then: CancelApplication

          - name: issuance
            title: Permit issuance
            aggregates:
              - name: Permit
                fields:
                  permitId: { type: uuid, key: true }
                  applicationId: uuid
                  reason: string
                commands:
                  - name: IssuePermit
                    emits: [PermitIssued, PermitIssuanceFailed]
                events:
                  - name: PermitIssued
                    fields: [permitId, applicationId]
                  - name: PermitIssuanceFailed
                    fields: [applicationId, reason]
                    failure: true
            policies:
              - name: IssuePermitWhenApplicationSubmitted
                on: ApplicationSubmitted
                then: IssuePermit
                idempotencyKey: applicationId

          - name: lookup
            title: Application result lookup
            readModels:
              - name: ApplicationResult
                key: applicationId
                from: [ApplicationSubmitted, PermitIssued, ApplicationCancelled]
                store: database

        externals:
          - name: LandRegistry
            calledBy: [issuance]
            commands: [VerifyParcel]

        calls:
          - from: issuance
            to: application
            command: RecordIssuanceResult

        sagas:
          - name: PermitProcessing
            coordination: choreography
            steps:
              - command: SubmitApplication
              - command: IssuePermit
      `,
      errors: [
        { messageId: 'noCompensationCandidate', line: 81, column: 18, data: { saga: 'PermitProcessing', step: '1', command: 'SubmitApplication', candidate: 'CancelApplication', context: 'application' } },
      ],
    },
    {
      name: 'other-context: step 1 is compensated by a command of another context.',
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
                  status: { type: enum, values: [Received, Issued, Cancelled] }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    fields: [applicationId, citizenId, documentUrl]
                    emits: [ApplicationSubmitted]
                  - name: CancelApplication
                    emits: [ApplicationCancelled]
                  - name: RecordIssuanceResult
                    http: POST /applications/{applicationId}/result
                    fields: [applicationId, status]
                    emits: [IssuanceResultRecorded]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId, documentUrl]
                  - name: ApplicationCancelled
                    fields: [applicationId]
                  - name: IssuanceResultRecorded
                    fields: [applicationId, status]
                    terminal: true
            policies:
              - name: CancelApplicationWhenIssuanceFailed
                on: PermitIssuanceFailed
                then: CancelApplication

          - name: issuance
            title: Permit issuance
            aggregates:
              - name: Permit
                fields:
                  permitId: { type: uuid, key: true }
                  applicationId: uuid
                  reason: string
                commands:
                  - name: IssuePermit
                    emits: [PermitIssued, PermitIssuanceFailed]
                  - name: RevokePermit
                    emits: [PermitRevoked]
                events:
                  - name: PermitIssued
                    fields: [permitId, applicationId]
                  - name: PermitRevoked
                    fields: [permitId]
                    terminal: true
                  - name: PermitIssuanceFailed
                    fields: [applicationId, reason]
                    failure: true
            policies:
              - name: IssuePermitWhenApplicationSubmitted
                on: ApplicationSubmitted
                then: IssuePermit
                idempotencyKey: applicationId

          - name: lookup
            title: Application result lookup
            readModels:
              - name: ApplicationResult
                key: applicationId
                from: [ApplicationSubmitted, PermitIssued, ApplicationCancelled]
                store: database

        externals:
          - name: LandRegistry
            calledBy: [issuance]
            commands: [VerifyParcel]

        calls:
          - from: issuance
            to: application
            command: RecordIssuanceResult

        sagas:
          - name: PermitProcessing
            coordination: choreography
            steps:
              - command: SubmitApplication
                compensation: RevokePermit
              - command: IssuePermit
      `,
      errors: [
        { messageId: 'otherContext', line: 87, column: 23, data: { saga: 'PermitProcessing', step: '1', compensation: 'RevokePermit', compensationContext: 'issuance', command: 'SubmitApplication', context: 'application' } },
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
