import { rule } from '../../src/model/rules/msa204-unknown-command.js';
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
      name: 'a policy of context "application" issues a command of context "issuance".',
      edits: [
        {
          after: '- name: CancelApplicationWhenIssuanceFailed',
          insert: `
            - name: IssuePermitWhenApplicationSubmitted
              on: ApplicationSubmitted
              then: IssuePermit
          `,
        },
        { in: '- name: issuance', remove: 'policies:' },
      ],
      errors: [
        { messageId: 'policyCommandOfOtherContext', line: 50, column: 15, data: { policy: 'IssuePermitWhenApplicationSubmitted', command: 'IssuePermit', context: 'application', target: 'issuance' } },
      ],
    },
    {
      name: 'call: a call names a misspelt command of its `to` context, and a second call names a command of another context.',
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
            command: RecordIssuanceResults
          - from: application
            to: issuance
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
        { messageId: 'callUnknownCommand', line: 75, column: 14, data: { from: 'issuance', to: 'application', command: 'RecordIssuanceResults' } },
        { messageId: 'callCommandOfOtherContext', line: 78, column: 14, data: { from: 'application', to: 'issuance', command: 'RecordIssuanceResult', target: 'application' } },
      ],
    },
    {
      name: 'call-by: A call made by a command its context does not have (IssuePermits: misspelt). A small but complete model: two services in a choreography saga, a CQRS lookup, a synchronous call, an external system. Clean under every rule.',
      edits: [{ after: 'command: RecordIssuanceResult', insert: 'by: [IssuePermits]' }],
      errors: [
        { messageId: 'callByUnknownCommand', line: 89, column: 10, data: { from: 'issuance', command: 'IssuePermits' } },
      ],
    },
    {
      name: 'misspelt: a policy issues a misspelt command.',
      edits: [{ find: 'then: CancelApplication', replace: 'then: CancelAplication' }],
      errors: [
        { messageId: 'policyUnknownCommand', line: 47, column: 15, data: { policy: 'CancelApplicationWhenIssuanceFailed', command: 'CancelAplication', context: 'application' } },
      ],
    },
    {
      name: 'saga: a saga step and a compensation name misspelt commands.',
      edits: [
        { find: 'compensation: CancelApplication', replace: 'compensation: CancelApplicaton' },
        { find: '- command: IssuePermit', replace: '- command: IssuePermits' },
      ],
      errors: [
        { messageId: 'compensationUnknownCommand', line: 95, column: 23, data: { saga: 'PermitProcessing', step: '1', command: 'CancelApplicaton' } },
        { messageId: 'stepUnknownCommand', line: 96, column: 18, data: { saga: 'PermitProcessing', step: '2', command: 'IssuePermits' } },
      ],
    },
    {
      name: 'a call made by a command of another context, and a call to no context naming a command the model lacks',
      model: `
        calls:
          - from: issuance
            to: application
            command: RecordIssuanceResult
            by: [SubmitApplication]
          - from: issuance
            to: nowhere
            command: NoSuchCommand
      `,
      errors: [
        { messageId: 'callByCommandOfOtherContext', line: 5, column: 10, data: { from: 'issuance', command: 'SubmitApplication' } },
        { messageId: 'callUnknownCommandAnywhere', line: 8, column: 14, data: { from: 'issuance', to: 'nowhere', command: 'NoSuchCommand' } },
      ],
    },
  ],
});
