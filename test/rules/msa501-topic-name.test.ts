import { rule } from '../../src/model/rules/msa501-topic-name.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'Custom topic names and DLQ suffix, all legal.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
            dlq: { suffix: -dlq }

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
                    topic: permits.application-submitted.v1
                  - name: ApplicationCancelled
                    fields: [applicationId]
                    terminal: true
                    topic: permits.application_cancelled
      `,
    },
  ],
  invalid: [
    {
      name: 'Topic names Kafka refuses: a "/" and a space, and the reserved "..".',
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
                    topic: "permits/application submitted"
                  - name: ApplicationCancelled
                    fields: [applicationId]
                    terminal: true
                    topic: ".."
      `,
      errors: [
        { messageId: 'topicName', line: 22, column: 20 },
        { messageId: 'topicName', line: 26, column: 20 },
      ],
    },
    {
      name: 'dlq-suffix: The DLQ suffix has a character Kafka refuses: every DLQ name is illegal (reported once).',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
            dlq: { suffix: "#dlq" }

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
      `,
      errors: [
        { messageId: 'suffixCharacter', line: 9, column: 20 },
      ],
    },
    {
      name: 'dlq-suffix-length: The 200-character topic fits with the default ".DLQ", but the long suffix makes its DLQ name too long.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
            dlq: { suffix: .dead-letter-queue.retained-for-manual-review.retained-for-manual-review.v1 }

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
                    topic: permits.application-submitted.application-submitted.application-submitted.application-submitted.application-submitted.application-submitted.application-submitted.application-submitted.xxxxxxxxxxxxxxxx
                  - name: ApplicationCancelled
                    fields: [applicationId]
                    terminal: true
      `,
      errors: [
        { messageId: 'suffixLengthensOne', line: 9, column: 20, data: { length: '75', limit: '249' } },
      ],
    },
    {
      name: 'dlq-too-long: A 247-character topic is legal, but its DLQ (topic + ".DLQ") is 251 characters long.',
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
                    topic: permits.application-submitted.application-submitted.application-submitted.application-submitted.application-submitted.application-submitted.application-submitted.application-submitted.application-submitted.application-submitted.xxxxxxxxxxxxxxxxxxx
                  - name: ApplicationCancelled
                    fields: [applicationId]
                    terminal: true
      `,
      errors: [
        { messageId: 'dlqTooLong', line: 22, column: 20, data: { length: '251', suffix: '.DLQ', limit: '249', max: '245' } },
      ],
    },
    {
      name: 'the DLQ suffix holds a slash and a space',
      model: `
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            dlq: { suffix: ".D/L Q" }
      `,
      errors: [
        { messageId: 'suffixCharacters', line: 7, column: 20 },
      ],
    },
    {
      name: 'a DLQ suffix of 254 characters',
      model: `
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            dlq: { suffix: ".DLQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }
      `,
      errors: [
        { messageId: 'suffixTooLong', line: 7, column: 20, data: { length: '254', limit: '249' } },
      ],
    },
    {
      name: 'a DLQ suffix of 239 characters makes the DLQ names of all five events too long',
      model: `
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            dlq: { suffix: ".DLQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }
      `,
      errors: [
        { messageId: 'suffixLengthens', line: 7, column: 20, data: { length: '239', count: '5', limit: '249' } },
      ],
    },
  ],
});
