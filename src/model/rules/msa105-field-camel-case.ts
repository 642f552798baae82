import { camelCase, isCamelCase } from '../case.js';
import { writtenFields } from '../fields.js';
import { suggestion } from '../suggest.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA105',
  name: 'field-camel-case',
  severity: 'error',
  summary: 'Field names are camelCase.',
  hint: 'Write field names as camelCase, e.g. applicationId.',
  docs: `A field becomes a property of the generated TypeScript types, a key of the JSON payload
of every event that carries it, a column of the read model and a property of the request
schema. camelCase is the convention of all of these (TypeScript, JSON, CloudEvents data), and
one convention across the platform keeps payloads of different services consistent: the
Government24 read model joins \`applicationId\` from events of three services.

The rule checks the fields of aggregates and the fields events and commands declare as a map
of their own. Fields listed by name (\`fields: [applicationId]\`) refer to aggregate fields and
are checked there. The finding points at the field's key and suggests the camelCase spelling.`,
  messages: {
    /** `owner`: the aggregate, command or event that declares the field. */
    notCamelCase: 'Field "{{name}}" of {{owner}} is not camelCase{{suggestion}}',
  },
  examples: {
    fails: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `fields:
  application_id: { type: uuid, key: true }   # did you mean "applicationId"?
  CitizenId: string                           # did you mean "citizenId"?`,
      },
    ],
    passes: [
      {
        at: '/contexts/0/aggregates/0',
        yaml: `fields:
  applicationId: { type: uuid, key: true }
  citizenId: string`,
      },
    ],
  },
  check(model, report) {
    for (const { field, owner } of writtenFields(model)) {
      if (isCamelCase(field.name)) continue;
      const proposal = camelCase(field.name);
      report({
        pointer: field.pointer,
        on: 'key',
        messageId: 'notCamelCase',
        data: { name: field.name, owner, suggestion: suggestion(proposal !== field.name && isCamelCase(proposal) ? proposal : undefined) },
      });
    }
  },
});
