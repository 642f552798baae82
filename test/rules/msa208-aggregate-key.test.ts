import { rule } from '../../src/model/rules/msa208-aggregate-key.js';
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
      name: 'aggregate Permit has no key field.',
      edits: [{ find: 'permitId: { type: uuid, key: true }', replace: 'permitId: uuid' }],
      errors: [
        { messageId: 'noKey', line: 52, column: 15, data: { aggregate: 'Permit', example: 'permitId' } },
      ],
    },
    {
      name: 'two-keys: aggregate Application has two key fields.',
      edits: [
        { find: 'citizenId: { type: string, pii: true }', replace: 'citizenId: { type: string, pii: true, key: true }' },
      ],
      errors: [
        { messageId: 'secondKey', line: 21, column: 11, data: { aggregate: 'Application', field: 'citizenId', key: 'applicationId' } },
      ],
    },
  ],
});
