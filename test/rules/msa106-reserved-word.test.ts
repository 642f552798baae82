import { rule } from '../../src/model/rules/msa106-reserved-word.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'Document and Notification are browser globals, which generated code (it runs on Node) never uses; fields avoid reserved words (isDefault, className).',
      model: `
        contexts:
          - name: issuance
            title: Document issuance
            aggregates:
              - name: Document
                fields:
                  documentId: { type: uuid, key: true }
                  isDefault: boolean
                  className: string
                commands:
                  - name: IssueDocument
                    actor: Clerk
                    http: POST /documents
                    emits: [DocumentIssued]
                events:
                  - name: DocumentIssued
                    fields: [documentId, isDefault, className]
                    terminal: true
              - name: Notification
                fields:
                  notificationId: { type: uuid, key: true }
                  documentId: uuid
                commands:
                  - name: SendNotification
                    actor: Clerk
                    emits: [NotificationSent]
                events:
                  - name: NotificationSent
                    fields: [notificationId, documentId]
                    terminal: true
      `,
    },
  ],
  invalid: [
    {
      name: 'the aggregate field "default" and the event field "constructor" are reserved words.',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                  default: boolean
                commands:
                  - name: SubmitApplication
                    actor: Citizen
                    http: POST /applications
                    emits: [ApplicationSubmitted]
                events:
                  - name: ApplicationSubmitted
                    fields:
                      applicationId: uuid
                      constructor: string
                    terminal: true
      `,
      errors: [
        { messageId: 'reservedField', line: 9, column: 11, data: { name: 'default' } },
        { messageId: 'reservedField', line: 19, column: 15, data: { name: 'constructor' } },
      ],
    },
    {
      name: 'global: the aggregate Record and the read model Promise shadow globals generated TypeScript relies on.',
      model: `
        contexts:
          - name: registry
            title: Civil records
            aggregates:
              - name: Record
                fields:
                  recordId: { type: uuid, key: true }
                  citizenId: { type: string, pii: true }
                commands:
                  - name: CreateRecord
                    actor: Clerk
                    http: POST /records
                    emits: [RecordCreated]
                events:
                  - name: RecordCreated
                    fields: [recordId, citizenId]
            readModels:
              - name: Promise
                key: recordId
                from: [RecordCreated]
      `,
      errors: [
        { messageId: 'globalName', line: 5, column: 15, data: { kind: 'Aggregate', name: 'Record' } },
        { messageId: 'globalName', line: 18, column: 15, data: { name: 'Promise' } },
      ],
    },
    {
      name: 'policy: a policy whose camelCase form, the variable of its implementation, is a reserved word.',
      edits: [
        {
          after: '- name: CancelApplicationWhenIssuanceFailed',
          insert: `
            - name: Delete
              on: PermitIssued
              then: CancelApplication
          `,
        },
      ],
      errors: [
        { messageId: 'reservedPolicyVariable', line: 48, column: 15, data: { name: 'Delete', variable: 'delete', example: 'DeleteWhenPermitIssued' } },
      ],
    },
    {
      name: 'the external system import is named by a reserved word',
      model: `
        externals:
          - name: import
            calledBy: [issuance]
            commands: [VerifyParcel]
      `,
      errors: [
        { messageId: 'reservedName', line: 2, column: 11, data: { kind: 'External', name: 'import' } },
      ],
    },
  ],
});
