import { rule } from '../../src/model/rules/msa102-dns-label.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the platform, its namespace, every context, the isolated namespace and the Kafka cluster are DNS-1123 labels.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          namespace: permits-office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: permits-kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }

        contexts:
          - name: car-registration
            title: Car registration applications
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

          - name: building
            title: Building permits (major complaints, an isolated namespace)
            namespace: major-complaints
            aggregates:
              - name: BuildingPermit
                fields:
                  permitId: { type: uuid, key: true }
                  parcelId: string
                commands:
                  - name: IssueBuildingPermit
                    actor: Officer
                    http: POST /building-permits
                    emits: [BuildingPermitIssued]
                events:
                  - name: BuildingPermitIssued
                    fields: [permitId, parcelId]
                    terminal: true
      `,
    },
    {
      name: 'defaults: no namespace and no Kafka cluster written; both default from the platform name (permits, permits-kafka), which are labels.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          eventTypePrefix: gov.example.permits

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
      `,
    },
  ],
  invalid: [
    {
      name: 'the context name Car_Registration is not a DNS-1123 label.',
      model: `
        contexts:
          - name: Car_Registration
            title: Car registration applications
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
        { messageId: 'notALabel', line: 2, column: 11, data: { value: 'Car_Registration' } },
      ],
    },
    {
      name: 'context-digit: a context named with a leading digit (no Kubernetes Service may be), and an isolated namespace whose Helm release, <platform>-<namespace>, is longer than Helm\'s 53 characters.',
      edits: [
        { find: '- name: lookup', replace: '- name: 24h-lookup' },
        { after: 'title: Application result lookup', insert: 'namespace: application-result-lookup-for-citizens-abroad-x' },
      ],
      errors: [
        { messageId: 'contextStartsWithDigit', line: 72, column: 11, data: { name: '24h-lookup' } },
        { messageId: 'releaseTooLong', line: 74, column: 16, data: { namespace: 'application-result-lookup-for-citizens-abroad-x', release: 'permits-application-result-lookup-for-citizens-abroad-x', length: '55', limit: '53', platform: 'permits' } },
      ],
    },
    {
      name: 'namespace: the platform namespace, a context namespace and the Kafka cluster, as written, are not DNS-1123 labels.',
      model: `
        version: 1
        platform:
          name: permits
          title: Permit Office
          namespace: permits.office
          eventTypePrefix: gov.example.permits
          kafka:
            cluster: Permits_Kafka
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }

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

          - name: building
            title: Building permits (major complaints, an isolated namespace)
            namespace: Major_Complaints
            aggregates:
              - name: BuildingPermit
                fields:
                  permitId: { type: uuid, key: true }
                  parcelId: string
                commands:
                  - name: IssueBuildingPermit
                    actor: Officer
                    http: POST /building-permits
                    emits: [BuildingPermitIssued]
                events:
                  - name: BuildingPermitIssued
                    fields: [permitId, parcelId]
                    terminal: true
      `,
      errors: [
        { messageId: 'notALabel', line: 5, column: 14, data: { value: 'permits.office' } },
        { messageId: 'notALabel', line: 8, column: 14, data: { value: 'Permits_Kafka' } },
        { messageId: 'namespaceNotALabel', line: 31, column: 16, data: { value: 'Major_Complaints', context: 'building' } },
      ],
    },
    {
      name: 'platform: the platform name PermitOffice is not a DNS-1123 label. The namespace and the Kafka cluster are not written: they default from the platform name and are not reported again.',
      model: `
        version: 1
        platform:
          name: PermitOffice
          title: Permit Office
          eventTypePrefix: gov.example.permits
          kafka:
            defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }

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
      `,
      errors: [
        { messageId: 'notALabel', line: 3, column: 9, data: { value: 'PermitOffice' } },
      ],
    },
    {
      name: 'release-length: the platform name is a label (60 characters), but it is the Helm release of the platform, and Helm allows release names of at most 53 characters.',
      model: `
        version: 1
        platform:
          name: ministry-of-the-interior-and-safety-government-twenty-four-x
          title: Permit Office
          eventTypePrefix: gov.example.permits

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
      `,
      errors: [
        { messageId: 'platformTooLong', line: 3, column: 9, data: { name: 'ministry-of-the-interior-and-safety-government-twenty-four-x', length: '60', limit: '53' } },
      ],
    },
  ],
});
