import { rule } from '../../src/model/rules/msa212-unknown-owner.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the base model (test/fixtures/minimal) names no owner',
      model: `
        version: 1
      `,
    },
    {
      name: 'the aggregate and the read model name a string field',
      edits: [
        { after: 'name: Application', insert: 'owner: citizenId' },
        { after: 'name: ApplicationResult', insert: 'owner: citizenId' },
      ],
    },
  ],
  invalid: [
    {
      name: 'the read model names a field none of its events carries',
      edits: [{ after: 'name: ApplicationResult', insert: 'owner: citizen' }],
      errors: [{ messageId: 'unknownField', line: 76, column: 16, data: { kind: 'Read model', name: 'ApplicationResult', owner: 'citizen' } }],
    },
    {
      name: 'the aggregate names a field of another aggregate',
      edits: [{ after: 'name: Permit', insert: 'owner: citizenId' }],
      errors: [{ messageId: 'unknownField', line: 53, column: 16, data: { kind: 'Aggregate', name: 'Permit', owner: 'citizenId' } }],
    },
    {
      name: 'the owner is not a string',
      edits: [{ after: 'name: Application', insert: 'owner: status' }],
      errors: [{ messageId: 'notAString', line: 19, column: 16, data: { owner: 'status', type: 'enum' } }],
    },
  ],
});
