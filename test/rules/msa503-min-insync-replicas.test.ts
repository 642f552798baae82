import { rule } from '../../src/model/rules/msa503-min-insync-replicas.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'Defaults 3/2 and an override 5/3.',
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
                    kafka: { replicas: 5, minInSyncReplicas: 3 }
      `,
    },
  ],
  invalid: [
    {
      name: 'The defaults ask for 3 in-sync replicas of 2: reported once, at the defaults, not per event.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 2, minInSyncReplicas: 3 }

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
        { messageId: 'aboveReplicas', line: 8, column: 64, data: { min: '3', replicas: '2' } },
      ],
    },
    {
      name: 'event: Overrides: one event lowers replicas below the default minInSyncReplicas, one sets it to 0.',
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
                    kafka: { minInSyncReplicas: 0 }
                  - name: ApplicationCancelled
                    fields: [applicationId]
                    terminal: true
                    kafka: { replicas: 1 }
      `,
      errors: [
        { messageId: 'belowOne', line: 22, column: 41, data: { min: '0', replicas: '3' } },
        { messageId: 'aboveReplicas', line: 26, column: 32, data: { min: '2', replicas: '1' } },
      ],
    },
  ],
});
