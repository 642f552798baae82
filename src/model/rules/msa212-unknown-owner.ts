import type { Field, Ref } from '../ir.js';
import { didYouMean } from '../suggest.js';
import { defineRule } from './rule.js';

/** Field types that hold a token's `sub`. */
const OWNER_TYPES: ReadonlySet<Field['type']> = new Set(['string', 'uuid', 'email']);

export const rule = defineRule({
  code: 'MSA212',
  name: 'unknown-owner',
  severity: 'error',
  summary: "An aggregate's or read model's `owner` is one of its own single, string-typed fields.",
  hint: 'Name the field that holds the owner\'s id (the `sub` of their token), e.g. `owner: citizenId`.',
  docs: `\`owner:\` ties each record to the caller it belongs to: the generated platform compares the
field's value with the \`sub\` claim of the caller's token. An actor with \`records: own\` reads
only its own records of a read model (another's answers 404, as if it did not exist), and its
commands act on its own aggregates (the owner field is filled in from its token; another
owner's is refused).

The owner is a field of the aggregate (or, for a read model, of the events it is projected
from), holding one string: \`string\`, \`uuid\` or \`email\`, not a list.

In Government24 the application result lookup names \`owner: citizenId\`: a citizen sees the
results of their own applications only.`,
  messages: {
    unknownField: {
      text: '{{kind}} "{{name}}" names owner "{{owner}}", which is not one of its fields{{suggestion}}',
      hint: 'Name one of its fields: {{fields}}.',
    },
    notAString: {
      text: '{{kind}} "{{name}}" names owner "{{owner}}", a {{type}}; an owner holds one string (the caller\'s `sub`)',
      hint: 'Name a single string, uuid or email field.',
    },
  },
  examples: {
    fails: [
      {
        at: '/contexts/2',
        yaml: `readModels:
  - name: ApplicationResult
    owner: citizen                      # the field is citizenId`,
      },
    ],
    passes: [
      {
        at: '/contexts/2',
        yaml: `readModels:
  - name: ApplicationResult
    owner: citizenId`,
      },
    ],
  },
  check(model, report) {
    const check = (kind: string, name: string, owner: Ref<Field> | undefined, fields: readonly Field[]) => {
      if (owner === undefined) return;
      const field = owner.target;
      if (field === undefined) {
        const names = fields.map((f) => f.name);
        report({
          pointer: owner.pointer,
          messageId: 'unknownField',
          data: { kind, name, owner: owner.name, suggestion: didYouMean(owner.name, names), fields: names.join(', ') },
        });
        return;
      }
      if (!OWNER_TYPES.has(field.type) || field.list) {
        report({
          pointer: owner.pointer,
          messageId: 'notAString',
          data: { kind, name, owner: owner.name, type: field.list ? `list of ${field.type}` : field.type },
        });
      }
    };
    for (const a of model.aggregates) check('Aggregate', a.name, a.owner, a.fields);
    for (const r of model.readModels) check('Read model', r.name, r.owner, r.fields);
  },
});
