import { rule } from '../../src/model/rules/msa408-route-parameter-type.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'text fields in the path (a uuid, an enum, a date); a GET command whose number field is optional; numbers in the body of a POST.',
      edits: [
        {
          after: 'reason: string',
          insert: `
            copies: int
            kind: { type: enum, values: [Paper, Digital] }
            issuedOn: date
            page: { type: int, optional: true }
          `,
        },
        {
          after: '- name: IssuePermit',
          insert: `
            - name: PrintPermit
              http: POST /permits/{permitId}/{kind}/{issuedOn}
              fields: [permitId, kind, issuedOn, copies]
              emits: [PermitIssued]
            - name: ReviewPermit
              http: GET /permits/{permitId}/review
              fields: [permitId, page]
              emits: [PermitIssued]
          `,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'an int field in a path, and a DELETE command that requires a boolean (its input comes from the query string, as text).',
      edits: [
        {
          after: 'reason: string',
          insert: `
            copies: int
            urgent: boolean
          `,
        },
        {
          after: '- name: IssuePermit',
          insert: `
            - name: PrintPermit
              http: POST /permits/{permitId}/copies/{copies}
              fields: [permitId, copies]
              emits: [PermitIssued]
            - name: WithdrawPermit
              http: DELETE /permits/{permitId}
              fields: [permitId, urgent]
              emits: [PermitIssued]
          `,
        },
      ],
      errors: [
        { messageId: 'pathParameter', line: 63, column: 19, data: { method: 'POST', path: '/permits/{permitId}/copies/{copies}', command: 'PrintPermit', segment: '{copies}' } },
        { messageId: 'queryField', line: 67, column: 19, data: { command: 'WithdrawPermit', method: 'DELETE', path: '/permits/{permitId}', field: 'urgent' } },
      ],
    },
  ],
});
