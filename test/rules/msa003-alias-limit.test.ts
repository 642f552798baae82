import { rule } from '../../src/model/rules/msa003-alias-limit.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'A small but complete model: two services in a choreography saga, a CQRS lookup, a synchronous call, an external system. Clean under every rule.',
      edits: [
        { find: 'retry: { maxAttempts: 3, backoffMs: 100, multiplier: 2 }', replace: 'retry: &retry { maxAttempts: 3, backoffMs: 100, multiplier: 2 }' },
        { after: 'then: CancelApplication', insert: 'retry: *retry' },
        { after: 'idempotencyKey: applicationId', insert: 'retry: *retry' },
      ],
    },
  ],
  invalid: [
    {
      name: 'A small but complete model: two services in a choreography saga, a CQRS lookup, a synchronous call, an external system. Clean under every rule.',
      model: `
        x-lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        x-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        x-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        x-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        x-e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        x-f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        x-g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        x-h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        x-i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
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
                compensation: CancelApplication
              - command: IssuePermit
      `,
      errors: [
        { messageId: 'aliasLimit', line: 6, column: 10 },
      ],
    },
  ],
});
