import { rule } from '../../src/model/rules/msa105-field-camel-case.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'aggregate fields and the own fields of commands and events are camelCase.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                  attachmentUrl: url
                  submittedAt: datetime
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    fields: [applicationId, citizenId, attachmentUrl]
                    emits: [ApplicationSubmitted]
                  - name: RejectApplication
                    actor: Clerk
                    http: POST /applications/{applicationId}/rejection
                    fields:
                      applicationId: uuid
                      reviewNote: text
                    emits: [ApplicationRejected]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId, attachmentUrl, submittedAt]
                    terminal: true
                  - name: ApplicationRejected
                    fields:
                      applicationId: uuid
                      rejectionReason: string
                    terminal: true
      `,
    },
  ],
  invalid: [
    {
      name: 'the aggregate field citizen_id is not camelCase.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizen_id: { type: string, pii: true }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizen_id]
                    terminal: true
      `,
      errors: [
        { messageId: 'notCamelCase', line: 8, column: 11, data: { name: 'citizen_id' } },
      ],
    },
    {
      name: 'event-fields: fields an event and a command declare as maps of their own (RejectionReason, review-note) are not camelCase.',
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
                  - name: RejectApplication
                    actor: Clerk
                    http: POST /applications/{applicationId}/rejection
                    fields:
                      applicationId: uuid
                      review-note: text
                    emits: [ApplicationRejected]
                events:
                  - name: ApplicationRejected
                    fields:
                      applicationId: uuid
                      RejectionReason: string
                    terminal: true
      `,
      errors: [
        { messageId: 'notCamelCase', line: 15, column: 15, data: { name: 'review-note' } },
        { messageId: 'notCamelCase', line: 21, column: 15, data: { name: 'RejectionReason' } },
      ],
    },
  ],
});
