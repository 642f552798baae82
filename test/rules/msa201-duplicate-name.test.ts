import { rule } from '../../src/model/rules/msa201-duplicate-name.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'names repeat only where they may: a read model of context "lookup" shares the name of an aggregate of context "issuance".',
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
              - name: Permit
                key: permitId
                from: [PermitIssued]
                store: cache

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
      name: 'event "PermitIssued" is declared in two aggregates (its own topic, so only the name collides).',
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
                  - name: PermitIssued
                    fields: [applicationId]
                    topic: application.PermitIssued
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
        { messageId: 'eventTwice', line: 51, column: 19, data: { name: 'PermitIssued' } },
      ],
    },
    {
      name: 'command: command "CancelApplication" is declared in two contexts.',
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
                  - name: CancelApplication
                    actor: Officer
                    emits: [PermitIssuanceFailed]
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
        { messageId: 'commandTwice', line: 47, column: 19, data: { name: 'CancelApplication' } },
      ],
    },
    {
      name: 'context: two contexts are named "application".',
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

          - name: application
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
        { messageId: 'contextTwice', line: 59, column: 11, data: { name: 'application', entry: '1' } },
      ],
    },
    {
      name: 'event-command: a command and an event named alike ("Reset" is both an imperative verb and a past participle): both would be src/generated/schemas/Reset.schema.json.',
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
                  - name: Reset
                    http: POST /applications/{applicationId}/reset
                    fields: [applicationId]
                    emits: [Reset]
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
                  - name: Reset
                    fields: [applicationId]
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
        { messageId: 'commandNamedAsEvent', line: 19, column: 19, data: { name: 'Reset', event: 'Reset' } },
      ],
    },
    {
      name: 'external: external system "LandRegistry" declared twice; CadastreOffice repeats an operation of LandRegistry and offers one with the name of a command.',
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
          - name: LandRegistry
            calledBy: [issuance]
            commands: [CheckOwnership]
          - name: CadastreOffice
            calledBy: [issuance]
            commands: [VerifyParcel, RecordIssuanceResult]

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
        { messageId: 'externalTwice', line: 71, column: 11, data: { name: 'LandRegistry', entry: '1' } },
        { messageId: 'operationTwice', line: 76, column: 16, data: { name: 'VerifyParcel', external: 'LandRegistry' } },
        { messageId: 'operationNamedAsCommand', line: 76, column: 30, data: { name: 'RecordIssuanceResult', external: 'CadastreOffice', command: 'RecordIssuanceResult' } },
      ],
    },
    {
      name: 'in-context: an aggregate, a policy and a read model declared twice in their context, and a read model named like an aggregate of its context.',
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
            readModels:
              - name: Application
                key: applicationId
                from: [ApplicationSubmitted]

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
              - name: Permit
                fields:
                  permitId: { type: uuid, key: true }
            policies:
              - name: IssuePermitWhenApplicationSubmitted
                on: ApplicationSubmitted
                then: IssuePermit
                idempotencyKey: applicationId
              - name: IssuePermitWhenApplicationSubmitted
                on: ApplicationSubmitted
                then: IssuePermit

          - name: lookup
            title: Application result lookup
            readModels:
              - name: ApplicationResult
                key: applicationId
                from: [ApplicationSubmitted, PermitIssued, ApplicationCancelled]
                store: database
              - name: ApplicationResult
                key: applicationId
                from: [ApplicationSubmitted, PermitIssued]
                store: cache

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
        { messageId: 'readModelNamedAsAggregate', line: 36, column: 15, data: { name: 'Application', aggregate: 'Application', context: 'application' } },
        { messageId: 'aggregateTwice', line: 57, column: 15, data: { name: 'Permit', context: 'issuance', entry: '1' } },
        { messageId: 'policyTwice', line: 65, column: 15, data: { name: 'IssuePermitWhenApplicationSubmitted', context: 'issuance', entry: '1' } },
        { messageId: 'readModelTwice', line: 76, column: 15, data: { name: 'ApplicationResult', context: 'lookup', entry: '1' } },
      ],
    },
    {
      name: 'saga: saga "PermitProcessing" declared twice.',
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
                    http: POST /permits
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
          - name: PermitProcessing
            coordination: orchestration
            steps:
              - command: SubmitApplication
                compensation: CancelApplication
              - command: IssuePermit
      `,
      errors: [
        { messageId: 'sagaTwice', line: 85, column: 11, data: { name: 'PermitProcessing', entry: '1' } },
      ],
    },
  ],
});
