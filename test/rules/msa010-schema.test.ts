import { rule } from '../../src/model/rules/msa010-schema.js';
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
      name: 'A small but complete model: two services in a choreography saga, a CQRS lookup, a synchronous call, an external system. Clean under every rule.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            comunication: async
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                  documentUrl: link
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
          - title: LandRegistry
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
        { messageId: 'unknownKey', line: 4, column: 5 },
        { messageId: 'notInEnum', line: 10, column: 24 },
        { messageId: 'required', line: 69, column: 5, data: { key: 'name' } },
      ],
    },
    {
      name: 'infinite: YAML\'s .inf and .nan are numbers to a YAML reader, but no number a setting can take.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
            retry: { maxAttempts: 3, backoffMs: 100, multiplier: .inf }

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
            timeoutMs: .nan

        sagas:
          - name: PermitProcessing
            coordination: choreography
            steps:
              - command: SubmitApplication
                compensation: CancelApplication
              - command: IssuePermit
      `,
      errors: [
        { messageId: 'wrongType', line: 9, column: 58, data: { actual: 'infinite' } },
        { messageId: 'wrongType', line: 86, column: 16 },
      ],
    },
    {
      name: 'quantity: "256K" is no Kubernetes memory quantity (the decimal kilo is "k"): the chart\'s values schema, and the API server, would refuse it at install time.',
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
            deploy: { memory: 256K }
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
        { messageId: 'noMatch', line: 38, column: 23 },
      ],
    },
    {
      name: 'sizes: sizes. A title longer than 200 characters, a field name longer than 100, an enum value longer than 200, a description longer than 10,000 and numbers beyond what Kubernetes, Kafka and timers take.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office Permit Office 
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
            retry: { maxAttempts: 3, backoffMs: 100, multiplier: 2 }

        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                  documentUrl: url
                  attachmentattachmentattachmentattachmentattachmentattachmentattachmentattachmentattachmentattachmentattachmentUrl: url
                  status: { type: enum, values: [Received, Issued, Cancelled, WithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawnWithdrawn] }
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
            description: Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. Issues permits. 
            deploy: { replicas: 3000000000 }
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
            timeoutMs: 1e300

        sagas:
          - name: PermitProcessing
            coordination: choreography
            steps:
              - command: SubmitApplication
                compensation: CancelApplication
              - command: IssuePermit
      `,
      errors: [
        { messageId: 'tooLong', line: 4, column: 10, data: { length: '209', limit: '200' } },
        { messageId: 'keyTooLong', line: 20, column: 11, data: { length: '113', limit: '100' } },
        { messageId: 'tooLong', line: 21, column: 71, data: { length: '207', limit: '200' } },
        { messageId: 'tooLong', line: 49, column: 18 },
        { messageId: 'tooLarge', line: 50, column: 25, data: { value: '3000000000', limit: '2147483647' } },
        { messageId: 'tooLarge', line: 89, column: 16, data: { value: '1e+300', limit: '2147483647' } },
      ],
    },
    {
      name: 'the version is not 1, and autoscaling is true (a map or false)',
      model: `
        version: 2
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          deploy:
            defaults:
              autoscaling: true
      `,
      errors: [
        { messageId: 'notConst', line: 1, column: 10, data: { expected: '1', value: '2' } },
        { messageId: 'notConst', line: 8, column: 20, data: { expected: 'false', value: 'true' } },
      ],
    },
    {
      name: 'a field type given as a list, an enum without values, an enum value listed twice',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  documentUrl: [url]
                  status: { type: enum, values: [] }
                  stage: { type: enum, values: [Received, Received] }
                commands:
                  - name: SubmitApplication
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    terminal: true
      `,
      errors: [
        { messageId: 'noShape', line: 8, column: 24 },
        { messageId: 'invalid', line: 9, column: 41 },
        { messageId: 'duplicateItem', line: 10, column: 41, data: { first: '2', second: '1' } },
      ],
    },
  ],
  unreachable: {
    keyInvalid: 'the schema restricts mapping keys by their length only: keyTooLong',
  },
});
