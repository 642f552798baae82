import { rule } from '../../src/model/rules/msa405-orchestration-step-without-route.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'An orchestration saga whose steps in other contexts all have routes the orchestrator can call.',
      model: `
        version: 1
        platform:
          name: licences
        contexts:
          - name: renewal
            aggregates:
              - name: Renewal
                fields:
                  renewalId: { type: uuid, key: true }
                  holderId: { type: string, pii: true }
                commands:
                  - name: SubmitRenewal
                    actor: Holder
                    http: POST /renewals
                    emits: [RenewalSubmitted]
                  - name: RejectRenewal
                    emits: [RenewalRejected]
                events:
                  - name: RenewalSubmitted
                    fields: [renewalId, holderId]
                  - name: RenewalRejected
                    fields: [renewalId]
                    terminal: true
          - name: payment
            aggregates:
              - name: Payment
                fields:
                  renewalId: { type: uuid, key: true }
                  amount: money
                commands:
                  - name: CapturePayment
                    http: POST /payments/{renewalId}/capture
                    fields: [renewalId, amount]
                    emits: [PaymentCaptured]
                  - name: RefundPayment
                    http: POST /payments/{renewalId}/refund
                    fields: [renewalId]
                    emits: [PaymentRefunded]
                events:
                  - name: PaymentCaptured
                    fields: [renewalId, amount]
                  - name: PaymentRefunded
                    fields: [renewalId]
                    terminal: true
          - name: fulfilment
            aggregates:
              - name: Card
                fields:
                  renewalId: { type: uuid, key: true }
                commands:
                  - name: IssueLicenceCard
                    http: POST /cards/{renewalId}
                    emits: [LicenceCardIssued]
                events:
                  - name: LicenceCardIssued
                    fields: [renewalId]
        sagas:
          - name: LicenceRenewal
            coordination: orchestration
            orchestrator: renewal
            steps:
              - command: SubmitRenewal
                compensation: RejectRenewal
              - command: CapturePayment
                compensation: RefundPayment
              - command: IssueLicenceCard
      `,
    },
    {
      name: 'Once a finding, now served at its conventional route: The orchestrator must send CapturePayment and IssueLicenceCard over HTTP, but they have no route.',
      model: `
        version: 1
        platform:
          name: licences
        contexts:
          - name: renewal
            aggregates:
              - name: Renewal
                fields:
                  renewalId: { type: uuid, key: true }
                  holderId: { type: string, pii: true }
                commands:
                  - name: SubmitRenewal
                    actor: Holder
                    http: POST /renewals
                    emits: [RenewalSubmitted]
                  - name: RejectRenewal
                    emits: [RenewalRejected]
                events:
                  - name: RenewalSubmitted
                    fields: [renewalId, holderId]
                  - name: RenewalRejected
                    fields: [renewalId]
                    terminal: true
          - name: payment
            aggregates:
              - name: Payment
                fields:
                  renewalId: { type: uuid, key: true }
                  amount: money
                commands:
                  - name: CapturePayment
                    fields: [renewalId, amount]
                    emits: [PaymentCaptured]
                  - name: RefundPayment
                    http: POST /payments/{renewalId}/refund
                    fields: [renewalId]
                    emits: [PaymentRefunded]
                events:
                  - name: PaymentCaptured
                    fields: [renewalId, amount]
                  - name: PaymentRefunded
                    fields: [renewalId]
                    terminal: true
          - name: fulfilment
            aggregates:
              - name: Card
                fields:
                  renewalId: { type: uuid, key: true }
                commands:
                  - name: IssueLicenceCard
                    emits: [LicenceCardIssued]
                events:
                  - name: LicenceCardIssued
                    fields: [renewalId]
        sagas:
          - name: LicenceRenewal
            coordination: orchestration
            orchestrator: renewal
            steps:
              - command: SubmitRenewal
                compensation: RejectRenewal
              - command: CapturePayment
                compensation: RefundPayment
              - command: IssueLicenceCard
      `,
    },
  ],
  invalid: [],
  unreachable: { noRoute: 'retired: an orchestrated command in another context without `http` gets its conventional route' },
});
