import { rule } from '../../src/model/rules/msa101-pascal-case.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'aggregates, commands, events, policies, read models, sagas, externals, their operations and the qualifiers are PascalCase.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          naming:
            eventQualifiers: [General, Car]
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }

        contexts:
          - name: application
            title: Car registration applications
            qualifier: Car
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [CarApplicationSubmitted]
                  - name: CancelApplication
                    emits: [CarApplicationCancelled]
                  - name: RecordReceipt
                    emits: [CarReceiptRecorded]
                events:
                  - name: CarApplicationSubmitted
                    fields: [applicationId, citizenId]
                  - name: CarApplicationCancelled
                    fields: [applicationId]
                    terminal: true
                  - name: CarReceiptRecorded
                    fields: [applicationId]
                    terminal: true
            policies:
              - name: RecordReceiptWhenApplicationSubmitted
                on: CarApplicationSubmitted
                then: RecordReceipt
            readModels:
              - name: ApplicationResult
                key: applicationId
                from: [CarApplicationSubmitted]

        externals:
          - name: LandRegistry
            calledBy: [application]
            commands: [VerifyParcel]

        sagas:
          - name: ApplicationReceipt
            coordination: choreography
            steps:
              - command: SubmitApplication
                compensation: CancelApplication
              - command: RecordReceipt
      `,
    },
  ],
  invalid: [
    {
      name: 'the event application_submitted is not PascalCase.',
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
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [application_submitted]
                events:
                  - name: application_submitted
                    fields: [applicationId, citizenId]
                    terminal: true
      `,
      errors: [
        { messageId: 'notPascalCase', line: 15, column: 19, data: { kind: 'Event', name: 'application_submitted' } },
      ],
    },
    {
      name: 'external-operation: the operation verify-parcel of the external LandRegistry is not PascalCase.',
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
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true

        externals:
          - name: LandRegistry
            calledBy: [application]
            commands: [VerifyOwner, verify-parcel]
      `,
      errors: [
        { messageId: 'operationNotPascalCase', line: 22, column: 29, data: { name: 'verify-parcel', external: 'LandRegistry' } },
      ],
    },
    {
      name: 'qualifier: the declared event qualifier "general" and the context qualifier "car" are not PascalCase.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          naming:
            eventQualifiers: [general, car]
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }

        contexts:
          - name: application
            title: Car registration applications
            qualifier: car
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [carApplicationSubmitted]
                events:
                  - name: carApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
      `,
      errors: [
        { messageId: 'notPascalCase', line: 7, column: 23, data: { name: 'general' } },
        { messageId: 'notPascalCase', line: 7, column: 32, data: { name: 'car' } },
        { messageId: 'qualifierNotPascalCase', line: 15, column: 16, data: { name: 'car', context: 'application' } },
        { messageId: 'notPascalCase', line: 27, column: 19, data: { kind: 'Event', name: 'carApplicationSubmitted' } },
      ],
    },
  ],
});
