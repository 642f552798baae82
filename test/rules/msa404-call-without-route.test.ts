import { rule } from '../../src/model/rules/msa404-call-without-route.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'The issuance service calls RecordIssuanceResult through its http route.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  status: { type: enum, values: [Received, Issued] }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                  - name: RecordIssuanceResult
                    http: POST /applications/{applicationId}/result
                    fields: [applicationId, status]
                    emits: [IssuanceResultRecorded]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId]
                    terminal: true
                  - name: IssuanceResultRecorded
                    fields: [applicationId, status]
                    terminal: true

          - name: issuance
            title: Immediate permit issuance
            communication: sync
            aggregates:
              - name: Permit
                fields:
                  permitId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: IssuePermit
                    actor: Clerk
                    http: POST /permits
                    emits: [PermitIssued]
                events:
                  - name: PermitIssued
                    fields: [permitId, applicationId]
                    terminal: true

        calls:
          - from: issuance
            to: application
            command: RecordIssuanceResult
      `,
    },
    {
      name: 'Once a finding, now served at its conventional route: The issuance service calls RecordIssuanceResult, which has no http route.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  status: { type: enum, values: [Received, Issued] }
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                  - name: RecordIssuanceResult
                    fields: [applicationId, status]
                    emits: [IssuanceResultRecorded]
                events:
                  - name: ApplicationSubmitted
                    fields: [applicationId]
                    terminal: true
                  - name: IssuanceResultRecorded
                    fields: [applicationId, status]
                    terminal: true

          - name: issuance
            title: Immediate permit issuance
            communication: sync
            aggregates:
              - name: Permit
                fields:
                  permitId: { type: uuid, key: true }
                  applicationId: uuid
                commands:
                  - name: IssuePermit
                    actor: Clerk
                    http: POST /permits
                    emits: [PermitIssued]
                events:
                  - name: PermitIssued
                    fields: [permitId, applicationId]
                    terminal: true

        calls:
          - from: issuance
            to: application
            command: RecordIssuanceResult
      `,
    },
  ],
  invalid: [],
  unreachable: { noRoute: 'retired: a called command without `http` gets its conventional route' },
});
