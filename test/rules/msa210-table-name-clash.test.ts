import { rule } from '../../src/model/rules/msa210-table-name-clash.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'tables apart: an aggregate OutgoingLetter, a read model ApprovalView beside an aggregate Approval, a cache read model (no table) named like an aggregate\'s rm_ table.',
      edits: [
        {
          after: 'title: Application result lookup',
          insert: `
            aggregates:
              - name: OutgoingLetter
                fields:
                  letterId: { type: uuid, key: true }
              - name: Approval
                fields:
                  approvalId: { type: uuid, key: true }
              - name: RmPermitView
                fields:
                  permitViewId: { type: uuid, key: true }
          `,
        },
        {
          after: '- name: ApplicationResult',
          insert: `
            - name: ApprovalView
              key: applicationId
              from: [ApplicationSubmitted]
            - name: PermitView
              key: permitId
              from: [PermitIssued]
              store: cache
          `,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'an aggregate named like a table of the runtime (the outbox), and a read model whose table rm_approval is the table of an aggregate RmApproval.',
      edits: [
        {
          after: 'title: Application result lookup',
          insert: `
            aggregates:
              - name: Outbox
                fields:
                  outboxId: { type: uuid, key: true }
              - name: RmApproval
                fields:
                  approvalId: { type: uuid, key: true }
          `,
        },
        {
          after: '- name: ApplicationResult',
          insert: `
            - name: Approval
              key: applicationId
              from: [ApplicationSubmitted]
          `,
        },
      ],
      errors: [
        { messageId: 'runtimeRelation', line: 75, column: 15, data: { context: 'lookup', table: 'outbox', relation: 'outbox' } },
        { messageId: 'tableClash', line: 86, column: 15, data: { context: 'lookup', table: 'rm_approval' } },
      ],
    },
    {
      name: 'length: two aggregates whose table names start with the same 63 bytes, all PostgreSQL keeps.',
      edits: [
        {
          after: 'title: Application result lookup',
          insert: `
            aggregates:
              - name: ApplicationDocumentArchiveTransmissionRegistrationVerificationStatusEntry
                fields:
                  entryId: { type: uuid, key: true }
              - name: ApplicationDocumentArchiveTransmissionRegistrationVerificationStatusRecord
                fields:
                  recordId: { type: uuid, key: true }
          `,
        },
      ],
      errors: [
        { messageId: 'tableClash', line: 78, column: 15, data: { context: 'lookup' } },
      ],
    },
    {
      name: 'the table of aggregate ApplicationPkey is application_pkey, the primary key index of the table of aggregate Application',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                commands:
                  - name: SubmitApplication
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    terminal: true
              - name: ApplicationPkey
                fields:
                  pkeyId: { type: uuid, key: true }
                commands:
                  - name: CreatePkey
                    http: POST /pkeys
                    emits: [PkeyCreated]
                events:
                  - name: PkeyCreated
                    terminal: true
      `,
      errors: [
        { messageId: 'indexClash', line: 15, column: 15, data: { context: 'application', table: 'application_pkey' } },
      ],
    },
  ],
});
