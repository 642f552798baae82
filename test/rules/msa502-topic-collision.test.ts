import { rule } from '../../src/model/rules/msa502-topic-collision.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'Each event has a topic of its own; no two differ only in "." versus "_".',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  documentUrl: url
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                  - name: CancelApplication
                    actor: Citizen
                    http: DELETE /applications/{applicationId}
                    emits: [ApplicationCancelled]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, documentUrl]
                    terminal: true
                    topic: permits.application-submitted
                  - name: ApplicationCancelled
                    fields: [applicationId]
                    terminal: true
                    topic: permits.application-cancelled
      `,
    },
  ],
  invalid: [
    {
      name: 'Two topics that differ only in "." versus "_" collide in Kafka.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  documentUrl: url
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                  - name: CancelApplication
                    actor: Citizen
                    http: DELETE /applications/{applicationId}
                    emits: [ApplicationCancelled]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, documentUrl]
                    terminal: true
                    topic: permits.applications
                  - name: ApplicationCancelled
                    fields: [applicationId]
                    terminal: true
                    topic: permits_applications
      `,
      errors: [
        { messageId: 'dotUnderscore', line: 26, column: 20 },
      ],
    },
    {
      name: 'dlq: An event\'s topic collides with another event\'s DLQ (ApplicationSubmitted.DLQ).',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  documentUrl: url
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                  - name: CancelApplication
                    actor: Citizen
                    http: DELETE /applications/{applicationId}
                    emits: [ApplicationCancelled]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, documentUrl]
                    terminal: true
                  - name: ApplicationCancelled
                    fields: [applicationId]
                    terminal: true
                    topic: ApplicationSubmitted_DLQ
      `,
      errors: [
        { messageId: 'dotUnderscore', line: 25, column: 20 },
      ],
    },
    {
      name: 'identical: Two events share one topic.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  documentUrl: url
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                  - name: CancelApplication
                    actor: Citizen
                    http: DELETE /applications/{applicationId}
                    emits: [ApplicationCancelled]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, documentUrl]
                    terminal: true
                    topic: permits.applications
                  - name: ApplicationCancelled
                    fields: [applicationId]
                    terminal: true
                    topic: permits.applications
      `,
      errors: [
        { messageId: 'sameName', line: 26, column: 20 },
      ],
    },
  ],
});
