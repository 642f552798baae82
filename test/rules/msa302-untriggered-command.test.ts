import { rule } from '../../src/model/rules/msa302-untriggered-command.js';
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
      name: 'nothing triggers ArchiveApplication.',
      edits: [
        {
          after: '- name: RecordIssuanceResult',
          insert: `
            - name: ArchiveApplication
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
      ],
      errors: [
        { messageId: 'untriggered', line: 36, column: 19, data: { command: 'ArchiveApplication' } },
      ],
    },
  ],
});
