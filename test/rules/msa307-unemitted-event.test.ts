import { rule } from '../../src/model/rules/msa307-unemitted-event.js';
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
      name: 'no command emits ApplicationWithdrawn.',
      edits: [
        {
          after: '- name: IssuanceResultRecorded',
          insert: `
            - name: ApplicationWithdrawn
              fields: [applicationId]
              terminal: true
          `,
        },
      ],
      errors: [
        { messageId: 'unemitted', line: 44, column: 19, data: { event: 'ApplicationWithdrawn', aggregate: 'Application' } },
      ],
    },
  ],
});
