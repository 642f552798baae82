import { rule } from '../../src/model/rules/msa409-call-settings-conflict.js';
import { ruleTester } from './tester.js';

/** Two services: issuance calls two commands of application. */
const CONTEXTS = `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  status: { type: enum, values: [Received, Issued] }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                  - name: RecordIssuanceResult
                    http: POST /applications/{applicationId}/result
                    fields: [applicationId, status]
                    emits: [IssuanceResultRecorded]
                  - name: RecordIssuanceNote
                    http: POST /applications/{applicationId}/note
                    fields: [applicationId]
                    emits: [IssuanceNoteRecorded]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId]
                    terminal: true
                  - name: IssuanceResultRecorded
                    fields: [applicationId, status]
                    terminal: true
                  - name: IssuanceNoteRecorded
                    fields: [applicationId]
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
                    actor: Clerk
                    http: POST /permits
                    emits: [PermitIssued]
                events:
                  - name: PermitIssued
                    fields: [permitId, applicationId]
                    terminal: true
`;

ruleTester(rule, {
  valid: [
    {
      name: 'Two calls from issuance to application with the same timeout and retry share one client.',
      model: `${CONTEXTS}
        calls:
          - from: issuance
            to: application
            command: RecordIssuanceResult
            timeoutMs: 1500
            retry: { maxAttempts: 3, backoffMs: 100 }
          - from: issuance
            to: application
            command: RecordIssuanceNote
            timeoutMs: 1500
            retry: { maxAttempts: 3, backoffMs: 100 }
      `,
    },
    {
      name: 'Two calls that both leave their settings to callDefaults.',
      model: `${CONTEXTS}
        calls:
          - from: issuance
            to: application
            command: RecordIssuanceResult
          - from: issuance
            to: application
            command: RecordIssuanceNote
      `,
    },
  ],
  invalid: [
    {
      name: 'The second call to application sets another timeout and breaker than the first; the shared client would ignore them.',
      model: `${CONTEXTS}
        calls:
          - from: issuance
            to: application
            command: RecordIssuanceResult
            timeoutMs: 1500
          - from: issuance
            to: application
            command: RecordIssuanceNote
            timeoutMs: 5000
            circuitBreaker: { consecutiveFailures: 9, halfOpenAfterMs: 10000 }
      `,
      errors: [
        { messageId: 'differs', line: 56, column: 5, data: { from: 'issuance', to: 'application', command: 'RecordIssuanceNote', settings: 'timeoutMs and circuitBreaker', first: 'RecordIssuanceResult' } },
      ],
    },
  ],
});
