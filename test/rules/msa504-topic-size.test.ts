import { rule } from '../../src/model/rules/msa504-topic-size.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'A single-broker development cluster: 1 partition, 1 replica.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 1, replicas: 1, minInSyncReplicas: 1 }

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
    },
  ],
  invalid: [
    {
      name: 'Defaults with 0 partitions: reported once, at the defaults, not per event.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 0, replicas: 3, minInSyncReplicas: 2 }

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
        { messageId: 'noPartition', line: 8, column: 29, data: { value: '0' } },
      ],
    },
    {
      name: 'dlq: DLQ topics with 0 partitions.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
            dlq: { partitions: 0 }

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
        { messageId: 'dlqNoPartition', line: 9, column: 24, data: { value: '0' } },
      ],
    },
    {
      name: 'event: An event override with negative partitions and no replica.',
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
                    kafka: { partitions: -1, replicas: 0 }
      `,
      errors: [
        { messageId: 'noPartition', line: 25, column: 34, data: { value: '-1' } },
        { messageId: 'noReplica', line: 25, column: 48, data: { value: '0' } },
      ],
    },
  ],
});
