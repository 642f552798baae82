import { rule } from '../../src/model/rules/msa109-event-qualifier.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the Car context\'s events start with Car; the application context has no qualifier, so its events may start with a declared qualifier (General) or with none.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          naming:
            eventQualifiers: [General, Car, Building]
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }

        contexts:
          - name: car-registration
            title: Car registration applications
            qualifier: Car
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: SubmitCarApplication
                    actor: Citizen
                    http: POST /car-applications
                    emits: [CarApplicationSubmitted]
                events:
                  - name: CarApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true

          - name: application
            title: General complaint applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: SubmitGeneralApplication
                    actor: Citizen
                    http: POST /applications/general
                    emits: [GeneralApplicationSubmitted]
                  - name: CancelApplication
                    actor: Citizen
                    emits: [ApplicationCancelled]
                events:
                  - name: GeneralApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
                  - name: ApplicationCancelled
                    fields: [applicationId]
                    terminal: true
      `,
    },
  ],
  invalid: [
    {
      name: 'the context car-registration has the qualifier Car, but its event ApplicationSubmitted does not start with it.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          naming:
            eventQualifiers: [General, Car, Building]
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }

        contexts:
          - name: car-registration
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
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
      `,
      errors: [
        { messageId: 'unqualifiedEvent', line: 27, column: 19, data: { name: 'ApplicationSubmitted', context: 'car-registration', qualifier: 'Car', proposal: 'CarApplicationSubmitted' } },
      ],
    },
    {
      name: 'other-qualifier: in the Car context, GeneralApplicationSubmitted starts with another declared qualifier; the suggestion replaces it.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          naming:
            eventQualifiers: [General, Car, Building]
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }

        contexts:
          - name: car-registration
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
                    emits: [GeneralApplicationSubmitted]
                events:
                  - name: GeneralApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
      `,
      errors: [
        { messageId: 'unqualifiedEvent', line: 27, column: 19, data: { name: 'GeneralApplicationSubmitted', context: 'car-registration', qualifier: 'Car', proposal: 'CarApplicationSubmitted' } },
      ],
    },
    {
      name: 'undeclared: the qualifier Cars is not declared in platform.naming.eventQualifiers (Car is). The events are not checked against an undeclared qualifier.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits
          naming:
            eventQualifiers: [General, Car, Building]
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }

        contexts:
          - name: car-registration
            title: Car registration applications
            qualifier: Cars
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
                events:
                  - name: CarApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
      `,
      errors: [
        { messageId: 'undeclared', line: 15, column: 16, data: { name: 'Cars', context: 'car-registration' } },
      ],
    },
  ],
});
