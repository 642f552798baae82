import { rule } from '../../src/model/rules/msa108-singular-noun.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'words that end in s but are singular (Status, Address, Process, Analysis, Bus, Census, News, Series) and the mass noun Data.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: ReviewProcess
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: StartReview
                    actor: Clerk
                    http: POST /reviews
                    emits: [ReviewStarted]
                events:
                  - name: ReviewStarted
                    fields: [applicationId, citizenId]
              - name: ShuttleBus
                fields:
                  busId: { type: uuid, key: true }
                commands:
                  - name: RegisterBus
                    actor: Clerk
                    emits: [BusRegistered]
                events:
                  - name: BusRegistered
                    fields: [busId]
                    terminal: true

          - name: lookup
            title: Lookups
            readModels:
              - name: ApplicationStatus
                key: applicationId
                from: [ReviewStarted]
              - name: ApplicantAddress
                key: applicationId
                from: [ReviewStarted]
              - name: RiskAnalysis
                key: applicationId
                from: [ReviewStarted]
              - name: PopulationCensus
                key: applicationId
                from: [ReviewStarted]
              - name: ApplicationNews
                key: applicationId
                from: [ReviewStarted]
              - name: ReviewSeries
                key: applicationId
                from: [ReviewStarted]
              - name: ApplicantData
                key: applicationId
                from: [ReviewStarted]
      `,
    },
  ],
  invalid: [
    {
      name: 'the aggregate Applications is plural.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Applications
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
        { messageId: 'plural', line: 5, column: 15, data: { kind: 'Aggregate', name: 'Applications' } },
      ],
    },
    {
      name: 'read-model: the read models CivilRegistries and ApplicantAddresses end in plurals (-ies, -es).',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                  address: string
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId, address]

          - name: lookup
            title: Lookups
            readModels:
              - name: CivilRegistries
                key: applicationId
                from: [ApplicationSubmitted]
              - name: ApplicantAddresses
                key: applicationId
                from: [ApplicationSubmitted]
      `,
      errors: [
        { messageId: 'plural', line: 22, column: 15, data: { name: 'CivilRegistries' } },
        { messageId: 'plural', line: 25, column: 15, data: { name: 'ApplicantAddresses' } },
      ],
    },
  ],
});
