import { rule } from '../../src/model/rules/msa207-read-model-key-missing.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the base model (test/fixtures/minimal)',
      model: `
        version: 1
      `,
    },
  ],
  invalid: [
    {
      name: 'the read model is keyed by applicationId, but PermitIssued does not carry it.',
      edits: [{ find: 'fields: [permitId, applicationId]', replace: 'fields: [permitId]' }],
      errors: [
        { messageId: 'keyNotInEvent', line: 77, column: 38, data: { readModel: 'ApplicationResult', key: 'applicationId', event: 'PermitIssued' } },
      ],
    },
    {
      name: 'none: the read model key is misspelt: none of its events carries it.',
      edits: [{ find: 'key: applicationId', replace: 'key: applicatonId' }],
      errors: [
        { messageId: 'keyInNoEvent', line: 76, column: 14, data: { readModel: 'ApplicationResult', key: 'applicatonId', common: 'applicationId' } },
      ],
    },
    {
      name: 'the read model is keyed by applicationId, which neither of its events carries, and they share no field',
      model: `
        contexts:
          - name: application
            title: Permit applications
            aggregates:
              - name: Application
                fields:
                  applicationId: { type: uuid, key: true }
                  citizenId: string
                  note: string
                commands:
                  - name: SubmitApplication
                    http: POST /applications
                    emits: [ApplicationSubmitted, NoteAdded]
                events:
                  - name: ApplicationSubmitted
                    fields: [citizenId]
                    terminal: true
                  - name: NoteAdded
                    fields: [note]
                    terminal: true
            readModels:
              - name: ApplicationView
                key: applicationId
                from: [ApplicationSubmitted, NoteAdded]
      `,
      errors: [
        { messageId: 'keyInNoEventNoneShared', line: 23, column: 14, data: { readModel: 'ApplicationView', key: 'applicationId' } },
      ],
    },
  ],
});
