import { rule } from '../../src/model/rules/msa406-route-template.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'well-formed templates: literal segments with dots, underscores and dashes, whole segment parameters, the root route, a read model\'s route with its key.',
      edits: [
        { in: '- name: SubmitApplication', find: 'http: POST /applications', replace: 'http: POST /' },
        {
          after: '- name: RecordIssuanceResult',
          insert: `
            - name: AmendApplication
              http: PUT /v1.0/applications/{applicationId}/documents/{documentUrl}
              fields: [applicationId, documentUrl]
              emits: [ApplicationAmended]
          `,
        },
        {
          after: '- name: IssuanceResultRecorded',
          insert: `
            - name: ApplicationAmended
              fields: [applicationId, documentUrl]
              terminal: true
          `,
        },
        { after: 'store: database', insert: 'http: GET /application_results/by-id/{applicationId}' },
      ],
    },
  ],
  invalid: [
    {
      name: 'route templates the HTTP router cannot serve as written: an unclosed brace, a parameter twice, a ".." segment, an empty segment, a parameter that is not a whole segment, an empty parameter and a trailing slash.',
      edits: [
        { find: 'http: POST /applications/{applicationId}/result', replace: 'http: POST /applications/{applicationId/result' },
        {
          after: '- name: RecordIssuanceResult',
          insert: `
            - name: AmendApplication
              http: PUT /applications/{applicationId}/{applicationId}
              fields: [applicationId, documentUrl]
              emits: [ApplicationAmended]
            - name: ReopenApplication
              http: POST /applications/../reopen
              fields: [applicationId]
              emits: [ApplicationReopened]
            - name: ArchiveApplication
              http: POST /applications//archive
              fields: [applicationId]
              emits: [ApplicationArchived]
            - name: ExpireApplication
              http: POST /applications/{applicationId}x
              fields: [applicationId]
              emits: [ApplicationExpired]
            - name: RestoreApplication
              http: POST /applications/{}
              fields: [applicationId]
              emits: [ApplicationRestored]
            - name: WithdrawApplication
              http: POST /applications/{applicationId}/withdrawal/
              fields: [applicationId]
              emits: [ApplicationWithdrawn]
          `,
        },
        {
          after: '- name: IssuanceResultRecorded',
          insert: `
            - name: ApplicationAmended
              fields: [applicationId, documentUrl]
              terminal: true
            - name: ApplicationReopened
              terminal: true
            - name: ApplicationArchived
              terminal: true
            - name: ApplicationExpired
              terminal: true
            - name: ApplicationRestored
              terminal: true
            - name: ApplicationWithdrawn
              terminal: true
          `,
        },
      ],
      errors: [
        { messageId: 'malformed', line: 33, column: 19, data: { method: 'POST', path: '/applications/{applicationId/result', kind: 'command', name: 'RecordIssuanceResult' } },
        { messageId: 'malformed', line: 37, column: 19, data: { method: 'PUT', path: '/applications/{applicationId}/{applicationId}', kind: 'command', name: 'AmendApplication' } },
        { messageId: 'malformed', line: 41, column: 19, data: { method: 'POST', path: '/applications/../reopen', kind: 'command', name: 'ReopenApplication' } },
        { messageId: 'malformed', line: 45, column: 19, data: { method: 'POST', path: '/applications//archive', kind: 'command', name: 'ArchiveApplication' } },
        { messageId: 'malformed', line: 49, column: 19, data: { method: 'POST', path: '/applications/{applicationId}x', kind: 'command', name: 'ExpireApplication' } },
        { messageId: 'malformed', line: 53, column: 19, data: { method: 'POST', path: '/applications/{}', kind: 'command', name: 'RestoreApplication' } },
        { messageId: 'malformed', line: 57, column: 19, data: { method: 'POST', path: '/applications/{applicationId}/withdrawal/', kind: 'command', name: 'WithdrawApplication' } },
      ],
    },
    {
      name: 'lookup: a read model\'s route without its key parameter.',
      edits: [{ after: 'store: database', insert: 'http: GET /application-results' }],
      errors: [
        { messageId: 'noParameter', line: 79, column: 15, data: { method: 'GET', path: '/application-results', name: 'ApplicationResult', base: '/application-results', segment: '{applicationId}' } },
      ],
    },
  ],
});
