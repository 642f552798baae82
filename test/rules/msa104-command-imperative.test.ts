import { rule } from '../../src/model/rules/msa104-command-imperative.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'commands start with imperative verbs (Submit, Lodge, Fulfil, Screen), verbs after a modifier (AutoRenew), and verbs the dictionary does not know (Geocode) are accepted.',
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
                  - name: LodgeComplaint
                    actor: Citizen
                    emits: [ComplaintLodged]
                  - name: FulfilLicence
                    actor: Clerk
                    emits: [LicenceFulfilled]
                  - name: ScreenApplicant
                    actor: Clerk
                    emits: [ApplicantScreened]
                  - name: AutoRenewApplication
                    actor: Scheduler
                    emits: [ApplicationRenewed]
                  - name: GeocodeAddress
                    actor: Clerk
                    emits: [AddressGeocoded]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
                  - name: ComplaintLodged
                    fields: [applicationId]
                    terminal: true
                  - name: LicenceFulfilled
                    fields: [applicationId]
                    terminal: true
                  - name: ApplicantScreened
                    fields: [applicationId]
                    terminal: true
                  - name: ApplicationRenewed
                    fields: [applicationId]
                    terminal: true
                  - name: AddressGeocoded
                    fields: [applicationId, address]
                    terminal: true
      `,
    },
  ],
  invalid: [
    {
      name: 'ApplicationSubmit starts with a noun (the aggregate\'s name), not an imperative verb.',
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
                  - name: ApplicationSubmit
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
      `,
      errors: [
        { messageId: 'nounFirst', line: 10, column: 19, data: { name: 'ApplicationSubmit' } },
      ],
    },
    {
      name: 'gerund: SubmittingApplication starts with a gerund, not an imperative.',
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
                  - name: SubmittingApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
      `,
      errors: [
        { messageId: 'gerund', line: 10, column: 19, data: { name: 'SubmittingApplication' } },
      ],
    },
    {
      name: 'noun-suffix: PaymentRefund starts with a noun (-ment) and StatusUpdate with an unknown word followed by a verb; both put the verb last.',
      model: `
        contexts:
          - name: payment
            title: Fees
            aggregates:
              - name: Fee
                fields:
                  feeId: { type: uuid, key: true }
                  status: { type: enum, values: [Paid, Refunded] }
                commands:
                  - name: PaymentRefund
                    actor: Clerk
                    http: POST /fees/{feeId}/refund
                    emits: [FeeRefunded]
                  - name: StatusUpdate
                    actor: Clerk
                    emits: [FeeStatusUpdated]
                events:
                  - name: FeeRefunded
                    fields: [feeId]
                    terminal: true
                  - name: FeeStatusUpdated
                    fields: [feeId, status]
                    terminal: true
      `,
      errors: [
        { messageId: 'nounFirst', line: 10, column: 19, data: { name: 'PaymentRefund' } },
        { messageId: 'nounFirst', line: 14, column: 19, data: { name: 'StatusUpdate' } },
      ],
    },
    {
      name: 'past: SubmittedApplication and SentReceipt start with a past tense, not an imperative.',
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
                  - name: SubmittedApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                  - name: SentReceipt
                    actor: Clerk
                    emits: [ReceiptSent]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId, citizenId]
                    terminal: true
                  - name: ReceiptSent
                    fields: [applicationId]
                    terminal: true
      `,
      errors: [
        { messageId: 'pastTense', line: 10, column: 19, data: { name: 'SubmittedApplication' } },
        { messageId: 'pastTense', line: 14, column: 19, data: { name: 'SentReceipt' } },
      ],
    },
  ],
});
