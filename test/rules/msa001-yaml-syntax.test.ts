import { rule } from '../../src/model/rules/msa001-yaml-syntax.js';
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
      edits: [
        { find: 'defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2 }', replace: 'defaults: { partitions: 3, replicas: 3, minInSyncReplicas: 2' },
      ],
      errors: [
        { messageId: 'syntaxError', line: 12, column: 5 },
      ],
    },
    {
      name: 'a file the CLI could not decode (UTF-16): found where the decoding stopped',
      model: `
        version: 1
        platform:
      `,
      unreadable: { offset: 11, message: 'The file is UTF-16', hint: 'Save it as UTF-8.' },
      errors: [{ messageId: 'unreadable', line: 2, column: 1, data: { text: 'The file is UTF-16', hint: 'Save it as UTF-8.' } }],
    },
  ],
});
