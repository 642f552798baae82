import { rule } from '../../src/model/rules/msa603-keda-without-consumer.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'KEDA scales the issuance context, which consumes ApplicationSubmitted, and the lookup context, which only has a read model.',
      edits: [
        {
          after: 'title: Permit issuance',
          insert: `
            deploy:
              keda: { lagThreshold: 50, max: 10 }
          `,
        },
        {
          after: 'title: Application result lookup',
          insert: `
            deploy:
              keda: { min: 1, max: 4 }
          `,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'KEDA scales on consumer lag, but the application context consumes nothing.',
      edits: [
        { in: '- name: application', remove: 'policies:' },
        {
          in: '- name: application',
          after: 'aggregates:',
          insert: `
            deploy:
              keda: { lagThreshold: 50, max: 10 }
          `,
        },
        { after: 'failure: true', insert: 'terminal: true' },
      ],
      errors: [
        { messageId: 'noConsumer', line: 45, column: 7, data: { context: 'application' } },
      ],
    },
  ],
});
