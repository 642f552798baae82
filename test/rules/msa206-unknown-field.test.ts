import { rule } from '../../src/model/rules/msa206-unknown-field.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'explicit lookup route on the key, explicit status map, fields that resolve.',
      edits: [
        {
          after: 'store: database',
          insert: `
            http: GET /application-results/{applicationId}
            status: { ApplicationSubmitted: Received, PermitIssued: Issued, ApplicationCancelled: Cancelled }
          `,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'an event and a command list fields their aggregate does not have.',
      edits: [
        { in: '- name: SubmitApplication', find: 'fields: [applicationId, citizenId, documentUrl]', replace: 'fields: [applicationId, citizenId, documentUri]' },
        { find: 'fields: [permitId, applicationId]', replace: 'fields: [permitId, applicationId, issuedAt]' },
      ],
      errors: [
        { messageId: 'listedField', line: 28, column: 48, data: { kind: 'Command', name: 'SubmitApplication', field: 'documentUri', aggregate: 'Application' } },
        { messageId: 'listedField', line: 62, column: 47, data: { kind: 'Event', name: 'PermitIssued', field: 'issuedAt', aggregate: 'Permit' } },
      ],
    },
    {
      name: 'idempotency: a policy uses a misspelt idempotency key.',
      edits: [{ find: 'idempotencyKey: applicationId', replace: 'idempotencyKey: applicatonId' }],
      errors: [
        { messageId: 'idempotencyKey', line: 70, column: 25, data: { policy: 'IssuePermitWhenApplicationSubmitted', key: 'applicatonId', event: 'ApplicationSubmitted' } },
      ],
    },
    {
      name: 'route: route parameters that are not payload fields (command) or not the key (read model).',
      edits: [
        { find: 'http: POST /applications/{applicationId}/result', replace: 'http: POST /applications/{id}/result' },
        { after: 'store: database', insert: 'http: GET /application-results/{permitId}' },
      ],
      errors: [
        { messageId: 'routeParameter', line: 33, column: 19, data: { method: 'POST', path: '/applications/{id}/result', command: 'RecordIssuanceResult', param: 'id' } },
        { messageId: 'lookupParameter', line: 79, column: 15, data: { method: 'GET', path: '/application-results/{permitId}', readModel: 'ApplicationResult', param: 'permitId', key: 'applicationId' } },
      ],
    },
  ],
});
