import { rule } from '../../src/model/rules/msa407-route-collision.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'one path under two methods, a static segment beside a parameter, and the same route in two services.',
      edits: [
        {
          after: 'name: CancelApplication',
          insert: `
            http: DELETE /applications/{applicationId}/result
            fields: [applicationId]
          `,
        },
        {
          after: '- name: CancelApplication',
          insert: `
            - name: ArchiveApplication
              http: POST /applications/archive/result
              fields: [applicationId]
              emits: [ApplicationArchived]
          `,
        },
        {
          after: '- name: IssuanceResultRecorded',
          insert: `
            - name: ApplicationArchived
              fields: [applicationId]
              terminal: true
          `,
        },
        {
          after: '- name: IssuePermit',
          insert: `
            - name: AmendPermit
              http: POST /applications/{permitId}/result
              fields: [permitId]
              emits: [PermitIssued]
          `,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'conventional, reported at the command that gets it: SubmitApplication writes POST /applications/{applicationId}/cancel-application, the conventional route of CancelApplication, which an orchestrator in another context sends.',
      edits: [
        { find: 'http: POST /applications\n', replace: 'http: POST /applications/{applicationId}/cancel-application\n' },
        { find: 'coordination: choreography', replace: 'coordination: orchestration' },
        { after: 'coordination: orchestration', insert: 'orchestrator: issuance' },
      ],
      errors: [
        { messageId: 'conventionalRoute', line: 30, column: 19, data: { command: 'CancelApplication', method: 'POST', path: '/applications/{applicationId}/cancel-application' } },
      ],
    },
    {
      name: 'conventional: CancelApplication has an actor and no route, so it is served at its conventional route, POST /applications/{applicationId}/cancel-application, which RecordIssuanceResult writes by hand.',
      edits: [
        { after: 'name: CancelApplication', insert: 'actor: Clerk' },
        { find: 'http: POST /applications/{applicationId}/result', replace: 'http: POST /applications/{applicationId}/cancel-application' },
      ],
      errors: [
        { messageId: 'conventionalRoute', line: 34, column: 19, data: { command: 'CancelApplication', firstMethod: 'POST', firstPath: '/applications/{applicationId}/cancel-application' } },
      ],
    },
    {
      name: 'two commands of one service on one route (a parameter matches any segment, whatever its name), and a read model\'s default route taken by a command.',
      edits: [
        {
          after: 'name: CancelApplication',
          insert: `
            http: POST /applications/{id}/result
            fields: { id: uuid }
          `,
        },
        {
          after: 'title: Application result lookup',
          insert: `
            aggregates:
              - name: Bookmark
                fields:
                  bookmarkId: { type: uuid, key: true }
                commands:
                  - name: CountApplicationResult
                    http: GET /application-results/{bookmarkId}
                    emits: [ApplicationResultCounted]
                events:
                  - name: ApplicationResultCounted
                    terminal: true
          `,
        },
      ],
      errors: [
        { messageId: 'sameRoute', line: 35, column: 19, data: { method: 'POST', path: '/applications/{applicationId}/result', context: 'application', firstMethod: 'POST', firstPath: '/applications/{id}/result' } },
        { messageId: 'sameRoute', line: 88, column: 15, data: { method: 'GET', path: '/application-results/{applicationId}', context: 'lookup', firstMethod: 'GET', firstPath: '/application-results/{bookmarkId}' } },
      ],
    },
    {
      name: 'orchestrated: an orchestration saga sends IssuePermit, which has no route: msa-gen serves it at POST /commands/issue-permit, which another command of its service already takes.',
      edits: [
        {
          after: 'name: CancelApplication',
          insert: `
            http: POST /applications/{applicationId}/cancel
            fields: [applicationId]
          `,
        },
        {
          after: '- name: IssuePermit',
          insert: `
            - name: ReissuePermit
              http: POST /commands/issue-permit
              fields: [permitId]
              emits: [PermitIssued]
          `,
        },
        { find: 'coordination: choreography', replace: 'coordination: orchestration' },
        { after: 'coordination: orchestration', insert: 'orchestrator: issuance' },
      ],
      errors: [
        { messageId: 'sameRoute', line: 63, column: 19, data: { method: 'POST', path: '/commands/issue-permit', context: 'issuance', firstMethod: 'POST', firstPath: '/commands/issue-permit' } },
      ],
    },
    {
      name: 'own: routes the generated service serves itself: its liveness probe and its DLQ replay.',
      edits: [
        {
          after: 'name: CancelApplication',
          insert: `
            http: POST /admin/dlq/{applicationId}/replay
            fields: [applicationId]
          `,
        },
        { after: 'store: database', insert: 'http: GET /healthz' },
      ],
      errors: [
        { messageId: 'ownRoute', line: 31, column: 19, data: { method: 'POST', path: '/admin/dlq/{applicationId}/replay', context: 'application', ownMethod: 'POST', ownPath: '/admin/dlq/{recordId}/replay' } },
        { messageId: 'ownRoute', line: 81, column: 15, data: { method: 'GET', path: '/healthz', context: 'lookup', ownMethod: 'GET', ownPath: '/healthz' } },
      ],
    },
  ],
});
