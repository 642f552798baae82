import { rule } from '../../src/model/rules/msa402-isolated-sync-call.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'The building namespace has a guidance service of its own; its call stays inside the namespace. Calls between shared services are fine too.',
      model: `
        contexts:
          - name: guidance
            title: Complaint guidance (shared)
            aggregates:
              - name: Consultation
                fields:
                  consultationId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: OpenConsultation
                    http: POST /consultations
                    emits: [ConsultationOpened]
                events:
                  - name: ConsultationOpened
                    fields: [consultationId, applicationId]
                    terminal: true

          - name: application
            title: General applications (shared)
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
                    terminal: true

          - name: building-guidance
            title: Building permit guidance (major complaint)
            namespace: building
            aggregates:
              - name: BuildingConsultation
                fields:
                  consultationId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: OpenBuildingConsultation
                    http: POST /building-consultations
                    emits: [BuildingConsultationOpened]
                events:
                  - name: BuildingConsultationOpened
                    fields: [consultationId, applicationId]
                    terminal: true

          - name: building-application
            title: Building permit applications (major complaint)
            namespace: building
            aggregates:
              - name: BuildingApplication
                fields:
                  applicationId: { type: uuid, key: true }
                  parcelNumber: string
                commands:
                  - name: SubmitBuildingApplication
                    actor: Citizen
                    http: POST /building-applications
                    emits: [BuildingApplicationSubmitted]
                events:
                  - name: BuildingApplicationSubmitted
                    fields: [applicationId, parcelNumber]
                    terminal: true

        calls:
          - from: building-application
            to: building-guidance
            command: OpenBuildingConsultation
          - from: application
            to: guidance
            command: OpenConsultation
      `,
    },
  ],
  invalid: [
    {
      name: 'A building-permit service in its isolated namespace calls the shared guidance service: the shared guidance is a single point of failure for it again.',
      model: `
        contexts:
          - name: guidance
            title: Complaint guidance (shared)
            aggregates:
              - name: Consultation
                fields:
                  consultationId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: OpenConsultation
                    actor: Citizen
                    http: POST /consultations
                    emits: [ConsultationOpened]
                events:
                  - name: ConsultationOpened
                    fields: [consultationId, applicationId]
                    terminal: true

          - name: building-application
            title: Building permit applications (major complaint)
            namespace: building
            aggregates:
              - name: BuildingApplication
                fields:
                  applicationId: { type: uuid, key: true }
                  parcelNumber: string
                commands:
                  - name: SubmitBuildingApplication
                    actor: Citizen
                    http: POST /building-applications
                    emits: [BuildingApplicationSubmitted]
                events:
                  - name: BuildingApplicationSubmitted
                    fields: [applicationId, parcelNumber]
                    terminal: true

        calls:
          - from: building-application
            to: guidance
            command: OpenConsultation
      `,
      errors: [
        { messageId: 'outOfIsolated', line: 39, column: 9, data: { from: 'building-application', fromNamespace: 'building', to: 'guidance', toNamespace: 'permits' } },
      ],
    },
    {
      name: 'inbound: A shared service calls into the isolated namespace: a failing major-complaint service would take the shared guidance down with it.',
      model: `
        contexts:
          - name: guidance
            title: Complaint guidance (shared)
            aggregates:
              - name: Consultation
                fields:
                  consultationId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: OpenConsultation
                    actor: Citizen
                    http: POST /consultations
                    emits: [ConsultationOpened]
                events:
                  - name: ConsultationOpened
                    fields: [consultationId, applicationId]
                    terminal: true

          - name: building-application
            title: Building permit applications (major complaint)
            namespace: building
            aggregates:
              - name: BuildingApplication
                fields:
                  applicationId: { type: uuid, key: true }
                  parcelNumber: string
                commands:
                  - name: SubmitBuildingApplication
                    actor: Citizen
                    http: POST /building-applications
                    emits: [BuildingApplicationSubmitted]
                events:
                  - name: BuildingApplicationSubmitted
                    fields: [applicationId, parcelNumber]
                    terminal: true

        calls:
          - from: guidance
            to: building-application
            command: SubmitBuildingApplication
      `,
      errors: [
        { messageId: 'intoIsolated', line: 39, column: 9, data: { from: 'guidance', fromNamespace: 'permits', to: 'building-application', toNamespace: 'building', command: 'SubmitBuildingApplication' } },
      ],
    },
    {
      name: 'other-namespace: Two major complaints, each in its own isolated namespace: the car registration service calls into the building namespace.',
      model: `
        contexts:
          - name: car-guidance
            title: Vehicle registration guidance (major complaint)
            namespace: car
            aggregates:
              - name: Consultation
                fields:
                  consultationId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: OpenConsultation
                    actor: Citizen
                    http: POST /consultations
                    emits: [ConsultationOpened]
                events:
                  - name: ConsultationOpened
                    fields: [consultationId, applicationId]
                    terminal: true

          - name: building-application
            title: Building permit applications (major complaint)
            namespace: building
            aggregates:
              - name: BuildingApplication
                fields:
                  applicationId: { type: uuid, key: true }
                  parcelNumber: string
                commands:
                  - name: SubmitBuildingApplication
                    actor: Citizen
                    http: POST /building-applications
                    emits: [BuildingApplicationSubmitted]
                events:
                  - name: BuildingApplicationSubmitted
                    fields: [applicationId, parcelNumber]
                    terminal: true

        calls:
          - from: car-guidance
            to: building-application
            command: SubmitBuildingApplication
      `,
      errors: [
        { messageId: 'outOfIsolated', line: 40, column: 9, data: { from: 'car-guidance', fromNamespace: 'car', to: 'building-application', toNamespace: 'building' } },
      ],
    },
  ],
});
