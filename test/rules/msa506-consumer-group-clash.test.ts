import { rule } from '../../src/model/rules/msa506-consumer-group-clash.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a policy, a read model and an aggregate of one service, each of its own name.',
      edits: [
        {
          after: 'title: Application result lookup',
          insert: `
            aggregates:
              - name: Note
                fields:
                  noteId: { type: uuid, key: true }
                  permitId: uuid
                commands:
                  - name: WriteNote
                    emits: [NoteWritten]
                events:
                  - name: NoteWritten
                    fields: [noteId, permitId]
                    terminal: true
            policies:
              - name: WriteNoteWhenPermitIssued
                on: PermitIssued
                then: WriteNote
          `,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'a policy and a read model of one service with one name: one Kafka consumer group.',
      edits: [
        {
          after: 'title: Application result lookup',
          insert: `
            aggregates:
              - name: Note
                fields:
                  noteId: { type: uuid, key: true }
                  permitId: uuid
                commands:
                  - name: WriteNote
                    emits: [NoteWritten]
                events:
                  - name: NoteWritten
                    fields: [noteId, permitId]
                    terminal: true
            policies:
              - name: ApplicationResult
                on: PermitIssued
                then: WriteNote
          `,
        },
      ],
      errors: [
        { messageId: 'groupClash', line: 91, column: 15, data: { name: 'ApplicationResult', firstKind: 'policy', first: 'ApplicationResult', context: 'lookup', group: 'permits.lookup.ApplicationResult' } },
      ],
    },
    {
      name: 'saga: the orchestration saga the application service runs has the name of one of its policies.',
      edits: [
        {
          after: 'name: CancelApplication',
          insert: `
            http: POST /applications/{applicationId}/cancel
            fields: [applicationId]
          `,
        },
        { find: '- name: CancelApplicationWhenIssuanceFailed', replace: '- name: PermitProcessing' },
        { after: 'name: IssuePermit', insert: 'http: POST /permits' },
        { find: 'coordination: choreography', replace: 'coordination: orchestration' },
      ],
      errors: [
        { messageId: 'groupClash', line: 94, column: 11, data: { name: 'PermitProcessing', firstKind: 'policy', first: 'PermitProcessing', context: 'application', group: 'permits.application.PermitProcessing' } },
      ],
    },
  ],
});
