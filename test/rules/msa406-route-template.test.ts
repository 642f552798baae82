import { rule } from '../../src/model/rules/msa406-route-template.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'well-formed templates: literal segments with dots, underscores and dashes, whole segment parameters, the root route, a read model\'s route with its key.',
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
                    http: POST /
                    fields: [applicationId, citizenId, documentUrl]
                    emits: [ApplicationSubmitted]
                  - name: CancelApplication
                    emits: [ApplicationCancelled]
                  - name: RecordIssuanceResult
                    http: POST /applications/{applicationId}/result
                    fields: [applicationId, status]
                    emits: [IssuanceResultRecorded]
                  - name: AmendApplication
                    http: PUT /v1.0/applications/{applicationId}/documents/{documentUrl}
                    fields: [applicationId, documentUrl]
                    emits: [ApplicationAmended]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId, documentUrl]
                  - name: ApplicationCancelled
                    fields: [applicationId]
                  - name: IssuanceResultRecorded
                    fields: [applicationId, status]
                    terminal: true
                  - name: ApplicationAmended
                    fields: [applicationId, documentUrl]
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
                http: GET /application_results/by-id/{applicationId}

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
                compensation: CancelApplication
              - command: IssuePermit
      `,
    },
  ],
  invalid: [
    {
      name: 'route templates the HTTP router cannot serve as written: an unclosed brace, a parameter twice, a ".." segment, an empty segment, a parameter that is not a whole segment, an empty parameter and a trailing slash.',
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
                    http: POST /applications/{applicationId/result
                    fields: [applicationId, status]
                    emits: [IssuanceResultRecorded]
                  - name: AmendApplication
                    http: PUT /applications/{applicationId}/{applicationId}
                    fields: [applicationId, documentUrl]
                    emits: [ApplicationAmended]
                  - name: ReopenApplication
                    http: POST /applications/../reopen
                    fields: [applicationId]
                    emits: [ApplicationReopened]
                  - name: ArchiveApplication
                    http: POST /applications//archive
                    fields: [applicationId]
                    emits: [ApplicationArchived]
                  - name: ExpireApplication
                    http: POST /applications/{applicationId}x
                    fields: [applicationId]
                    emits: [ApplicationExpired]
                  - name: RestoreApplication
                    http: POST /applications/{}
                    fields: [applicationId]
                    emits: [ApplicationRestored]
                  - name: WithdrawApplication
                    http: POST /applications/{applicationId}/withdrawal/
                    fields: [applicationId]
                    emits: [ApplicationWithdrawn]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId, documentUrl]
                  - name: ApplicationCancelled
                    fields: [applicationId]
                  - name: IssuanceResultRecorded
                    fields: [applicationId, status]
                    terminal: true
                  - name: ApplicationAmended
                    fields: [applicationId, documentUrl]
                    terminal: true
                  - name: ApplicationReopened
                    terminal: true
                  - name: ApplicationArchived
                    terminal: true
                  - name: ApplicationExpired
                    terminal: true
                  - name: ApplicationRestored
                    terminal: true
                  - name: ApplicationWithdrawn
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
                compensation: CancelApplication
              - command: IssuePermit
      `,
      errors: [
        { messageId: 'malformed', line: 20, column: 19, data: { method: 'POST', path: '/applications/{applicationId/result', kind: 'command', name: 'RecordIssuanceResult' } },
        { messageId: 'malformed', line: 24, column: 19, data: { method: 'PUT', path: '/applications/{applicationId}/{applicationId}', kind: 'command', name: 'AmendApplication' } },
        { messageId: 'malformed', line: 28, column: 19, data: { method: 'POST', path: '/applications/../reopen', kind: 'command', name: 'ReopenApplication' } },
        { messageId: 'malformed', line: 32, column: 19, data: { method: 'POST', path: '/applications//archive', kind: 'command', name: 'ArchiveApplication' } },
        { messageId: 'malformed', line: 36, column: 19, data: { method: 'POST', path: '/applications/{applicationId}x', kind: 'command', name: 'ExpireApplication' } },
        { messageId: 'malformed', line: 40, column: 19, data: { method: 'POST', path: '/applications/{}', kind: 'command', name: 'RestoreApplication' } },
        { messageId: 'malformed', line: 44, column: 19, data: { method: 'POST', path: '/applications/{applicationId}/withdrawal/', kind: 'command', name: 'WithdrawApplication' } },
      ],
    },
    {
      name: 'lookup: a read model\'s route without its key parameter.',
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
                http: GET /application-results

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
                compensation: CancelApplication
              - command: IssuePermit
      `,
      errors: [
        { messageId: 'noParameter', line: 66, column: 15, data: { method: 'GET', path: '/application-results', name: 'ApplicationResult', base: '/application-results', segment: '{applicationId}' } },
      ],
    },
  ],
});
