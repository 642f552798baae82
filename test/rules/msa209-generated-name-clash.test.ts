import { rule } from '../../src/model/rules/msa209-generated-name-clash.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'names near the generated ones that stay apart: a context "runtime-admin", a command ChangeUpdateState of aggregate Update, policies RouteApplication and DefaultPermit, a key field resultId.',
      edits: [
        { line: '- name: Application', replace: '- name: Update' },
        {
          after: '- name: CancelApplication',
          insert: `
            - name: ChangeUpdateState
              http: POST /applications/{applicationId}/state
              fields: [applicationId, status]
              emits: [IssuanceResultRecorded]
          `,
        },
        {
          after: '- name: CancelApplicationWhenIssuanceFailed',
          insert: `
            - name: RouteApplication
              on: PermitIssued
              then: CancelApplication
            - name: DefaultPermit
              on: PermitIssued
              then: CancelApplication
          `,
        },
        { find: 'permitId: { type: uuid, key: true }', replace: 'resultId: { type: uuid, key: true }' },
        { find: 'fields: [permitId, applicationId]', replace: 'fields: [resultId, applicationId]' },
        { find: '- name: lookup', replace: '- name: runtime-admin' },
      ],
    },
  ],
  invalid: [
    {
      name: 'a context named like the generated runtime package; a command named like its aggregate\'s state type; commands Update and UpdateSchema (the schema import of the first is the type of the second); policies named like variables of the generated code.',
      edits: [
        { line: '- name: Application', replace: '- name: Update' },
        {
          after: '- name: CancelApplication',
          insert: `
            - name: UpdateState
              http: POST /applications/{applicationId}/state
              fields: [applicationId, status]
              emits: [IssuanceResultRecorded]
            - name: Update
              http: PUT /applications/{applicationId}
              fields: [applicationId, documentUrl]
              emits: [ApplicationSubmitted]
            - name: UpdateSchema
              http: PUT /applications/{applicationId}/schema
              fields: [applicationId, documentUrl]
              emits: [ApplicationSubmitted]
          `,
        },
        {
          after: '- name: CancelApplicationWhenIssuanceFailed',
          insert: `
            - name: Routes
              on: PermitIssued
              then: CancelApplication
            - name: Defaults
              on: PermitIssued
              then: CancelApplication
          `,
        },
        { find: '- name: lookup', replace: '- name: runtime' },
      ],
      errors: [
        { messageId: 'identifierClash', line: 32, column: 19, data: { kind: 'Command', name: 'UpdateState', identifier: 'UpdateState', file: 'services/application/src/generated/handlers.ts', firstKind: 'aggregate', first: 'Update' } },
        { messageId: 'identifierClash', line: 40, column: 19, data: { kind: 'Command', name: 'UpdateSchema', identifier: 'UpdateSchema', file: 'services/application/src/generated/commands.ts', firstKind: 'command', first: 'Update' } },
        { messageId: 'identifierTaken', line: 60, column: 15, data: { kind: 'Policy', name: 'Routes', identifier: 'routes', file: 'services/application/src/generated/service.ts' } },
        { messageId: 'identifierTaken', line: 63, column: 15, data: { kind: 'Policy', name: 'Defaults', identifier: 'defaults', file: 'services/application/src/policies/Defaults.ts' } },
        { messageId: 'packageClash', line: 90, column: 11, data: { context: 'runtime', platform: 'permits' } },
      ],
    },
    {
      name: 'key: a key field named like a variable of the generated starter tests.',
      edits: [
        { find: 'permitId: { type: uuid, key: true }', replace: 'result: { type: uuid, key: true }' },
        { find: 'fields: [permitId, applicationId]', replace: 'fields: [result, applicationId]' },
      ],
      errors: [
        { messageId: 'keyFieldClash', line: 54, column: 11, data: { field: 'result', aggregate: 'Permit', example: 'permitId' } },
      ],
    },
    {
      name: 'words: two contexts whose names differ only in their dashes: both become orderDeskService, the client orderDesk and ORDER_DESK_URL.',
      edits: [
        {
          before: '- name: lookup',
          insert: `
            - name: order-desk
              readModels:
                - name: PermitView
                  key: permitId
                  from: [PermitIssued]
            - name: order--desk
              readModels:
                - name: PermitView
                  key: permitId
                  from: [PermitIssued]
          `,
        },
      ],
      errors: [
        { messageId: 'contextWordsClash', line: 77, column: 11, data: { context: 'order--desk', first: 'order-desk', words: 'orderDesk', constant: 'ORDER_DESK' } },
      ],
    },
  ],
});
