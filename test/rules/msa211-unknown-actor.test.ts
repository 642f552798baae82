import { rule } from '../../src/model/rules/msa211-unknown-actor.js';
import { ruleTester } from './tester.js';

const actors = `
  actors:
    - { name: Citizen, role: citizen }
    - { name: Clerk, role: permits-clerk, records: all, pii: true }
`;

ruleTester(rule, {
  valid: [
    {
      name: 'the base model (test/fixtures/minimal) declares no actors: every actor name is a role of its own',
      model: `
        version: 1
      `,
    },
    {
      name: 'the command names a declared actor',
      edits: [{ before: 'contexts:', insert: actors }],
    },
  ],
  invalid: [
    {
      name: 'the command names an actor the list does not declare',
      edits: [
        { before: 'contexts:', insert: actors },
        { find: 'actor: Citizen', replace: 'actor: Citizn' },
      ],
      errors: [
        { messageId: 'unknownActor', line: 29, column: 20, data: { command: 'SubmitApplication', actor: 'Citizn', actors: 'Citizen, Clerk' } },
      ],
    },
    {
      name: 'an empty list declares no actor at all',
      edits: [{ before: 'contexts:', insert: 'actors: []\n' }],
      errors: [{ messageId: 'unknownActor', line: 27, column: 20, data: { actor: 'Citizen', actors: '(none declared)' } }],
    },
  ],
});
