import { rule } from '../../src/model/rules/msa003-alias-limit.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'A small but complete model: two services in a choreography saga, a CQRS lookup, a synchronous call, an external system. Clean under every rule.',
      edits: [
        { find: 'retry: { maxAttempts: 3, backoffMs: 100, multiplier: 2 }', replace: 'retry: &retry { maxAttempts: 3, backoffMs: 100, multiplier: 2 }' },
        { after: 'then: CancelApplication', insert: 'retry: *retry' },
        { after: 'idempotencyKey: applicationId', insert: 'retry: *retry' },
      ],
    },
  ],
  invalid: [
    {
      name: 'A small but complete model: two services in a choreography saga, a CQRS lookup, a synchronous call, an external system. Clean under every rule.',
      edits: [
        {
          after: 'sagas:',
          insert: `

            x-lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            x-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            x-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            x-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            x-e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            x-f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            x-g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            x-h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            x-i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
          `,
        },
      ],
      errors: [
        { messageId: 'aliasLimit', line: 103, column: 10 },
      ],
    },
  ],
});
