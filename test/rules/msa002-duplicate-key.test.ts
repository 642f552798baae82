import { rule } from '../../src/model/rules/msa002-duplicate-key.js';
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
      name: 'A small but complete model: two services in a choreography saga, a CQRS lookup, a synchronous call, an external system. Clean under every rule.',
      edits: [{ after: 'title: Permit Office', insert: 'title: Permit Office (copy)' }],
      errors: [
        { messageId: 'duplicateKey', line: 8, column: 3 },
      ],
    },
  ],
});
