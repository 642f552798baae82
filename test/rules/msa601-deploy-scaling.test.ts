import { rule } from '../../src/model/rules/msa601-deploy-scaling.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'Consistent deploy settings: defaults with CPU autoscaling and a PodDisruptionBudget; one context with a wider range, one on KEDA (which switches off the inherited CPU autoscaling), one with a fixed replica count.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 12, replicas: 3, minInSyncReplicas: 2 }
          deploy:
            defaults:
              replicas: 2
              autoscaling: { min: 2, max: 10, cpuPercent: 70 }
              podDisruptionBudget: { minAvailable: 1 }

        contexts:
          - name: application
            title: Permit applications
            deploy:
              replicas: 3
              autoscaling: { min: 3, max: 20 }
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId]

          - name: issuance
            title: Permit issuance
            deploy:
              keda: { lagThreshold: 100, min: 2, max: 12 }
            aggregates:
              - name: Permit
                fields:
                  permitId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: IssuePermit
                    emits: [PermitIssued]
                events:
                  - name: PermitIssued
                    fields: [permitId, applicationId]
            policies:
              - name: IssuePermitWhenApplicationSubmitted
                on: ApplicationSubmitted
                then: IssuePermit

          - name: notification
            title: Citizen notifications
            deploy:
              replicas: 2
              autoscaling: false
            aggregates:
              - name: Notification
                fields:
                  notificationId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: NotifyCitizen
                    emits: [CitizenNotified]
                events:
                  - name: CitizenNotified
                    fields: [notificationId, applicationId]
                    terminal: true
            policies:
              - name: NotifyCitizenWhenPermitIssued
                on: PermitIssued
                then: NotifyCitizen
      `,
    },
  ],
  invalid: [
    {
      name: 'Autoscaling min above max in a context.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
          deploy:
            defaults: { replicas: 2, autoscaling: { min: 2, max: 10 } }

        contexts:
          - name: application
            title: Permit applications
            deploy:
              autoscaling: { min: 5, max: 3 }
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
        { messageId: 'autoscalingMinAboveMax', line: 16, column: 27, data: { min: '5', max: '3' } },
      ],
    },
    {
      name: 'both: CPU autoscaling and KEDA written in the same deploy block.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
          deploy:
            defaults: { replicas: 2, autoscaling: { min: 2, max: 10 } }

        contexts:
          - name: application
            title: Permit applications
            deploy:
              autoscaling: { min: 2, max: 6 }
              keda: { lagThreshold: 50 }
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
            readModels:                                 # consumes ApplicationSubmitted: KEDA's trigger
              - name: ApplicationStatus
                key: applicationId
                from: [ApplicationSubmitted]
      `,
      errors: [
        { messageId: 'autoscalingAndKeda', line: 17, column: 7 },
      ],
    },
    {
      name: 'defaults: The platform defaults have autoscaling min above max: reported once, at the defaults, not again for the contexts that inherit them.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
          deploy:
            defaults:
              replicas: 3
              autoscaling: { min: 3, max: 2 }

        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId]

          - name: issuance
            title: Permit issuance
            deploy: { cpu: 500m, memory: 512Mi }
            aggregates:
              - name: Permit
                fields:
                  permitId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: IssuePermit
                    emits: [PermitIssued]
                events:
                  - name: PermitIssued
                    fields: [permitId, applicationId]
                    terminal: true
            policies:
              - name: IssuePermitWhenApplicationSubmitted
                on: ApplicationSubmitted
                then: IssuePermit
      `,
      errors: [
        { messageId: 'autoscalingMinAboveMax', line: 12, column: 35, data: { min: '3', max: '2' } },
      ],
    },
    {
      name: 'keda: KEDA min above max.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
          deploy:
            defaults: { replicas: 2, autoscaling: { min: 2, max: 10 } }

        contexts:
          - name: application
            title: Permit applications
            deploy:
              keda: { lagThreshold: 50, min: 4, max: 2 }
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
            readModels:                                 # consumes ApplicationSubmitted: KEDA's trigger
              - name: ApplicationStatus
                key: applicationId
                from: [ApplicationSubmitted]
      `,
      errors: [
        { messageId: 'kedaMinAboveMax', line: 16, column: 38, data: { min: '4', max: '2' } },
      ],
    },
    {
      name: 'pdb: A PodDisruptionBudget that keeps every one of the 2 replicas: no pod can be evicted.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
          deploy:
            defaults: { replicas: 2, autoscaling: { min: 2, max: 10 } }

        contexts:
          - name: application
            title: Permit applications
            deploy:
              replicas: 2
              autoscaling: false
              podDisruptionBudget: { minAvailable: 2 }
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
        { messageId: 'budgetNotBelowReplicas', line: 18, column: 44, data: { minAvailable: '2', setting: 'replicas', floor: '2', most: '1' } },
      ],
    },
    {
      name: 'pdb-autoscaling: With the inherited CPU autoscaling (min 2) a PodDisruptionBudget of 2 blocks every eviction whenever the autoscaler scales down to its minimum.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
          deploy:
            defaults: { replicas: 2, autoscaling: { min: 2, max: 10 } }

        contexts:
          - name: application
            title: Permit applications
            deploy:
              podDisruptionBudget: { minAvailable: 2 }
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
        { messageId: 'budgetNotBelowReplicas', line: 16, column: 44, data: { minAvailable: '2', setting: 'autoscaling.min', floor: '2', most: '1' } },
      ],
    },
    {
      name: 'replicas: replicas below the autoscaling minimum the context inherits.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }
          deploy:
            defaults: { replicas: 2, autoscaling: { min: 2, max: 10 } }

        contexts:
          - name: application
            title: Permit applications
            deploy:
              replicas: 1
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
        { messageId: 'replicasBelowAutoscaling', line: 16, column: 17, data: { replicas: '1', min: '2', max: '10' } },
      ],
    },
    {
      name: 'replicas 5 above the autoscaling maximum 4',
      model: `
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          deploy:
            defaults: { replicas: 5, autoscaling: { min: 2, max: 4 } }
      `,
      errors: [
        { messageId: 'replicasAboveAutoscaling', line: 6, column: 27, data: { replicas: '5', max: '4', min: '2' } },
      ],
    },
    {
      name: 'replicas 5 above the KEDA maximum 3',
      model: `
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          deploy:
            defaults: { replicas: 5, keda: { max: 3 } }
      `,
      errors: [
        { messageId: 'kedaReplicasAboveMax', line: 6, column: 43, data: { min: '5', max: '3' } },
      ],
    },
    {
      name: 'a disruption budget of 1 for a single replica',
      model: `
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          deploy:
            defaults: { replicas: 1, podDisruptionBudget: { minAvailable: 1 } }
      `,
      errors: [
        { messageId: 'budgetSingleReplica', line: 6, column: 67, data: { minAvailable: '1', setting: 'replicas', floor: '1', least: '2' } },
      ],
    },
  ],
});
