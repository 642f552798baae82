import { camelCase, isCamelCase } from '../case.js';
import type { Finding } from '../finding.js';
import { writtenFields } from '../fields.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
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
are checked there. The finding points at the field's key and suggests the camelCase spelling.

Fails:

    fields:
      application_id: { type: uuid, key: true }   # did you mean "applicationId"?
      CitizenId: string                           # did you mean "citizenId"?

Passes:

    fields:
      applicationId: { type: uuid, key: true }
      citizenId: string`,
  check(model) {
    const findings: Finding[] = [];
    for (const { field, owner } of writtenFields(model)) {
      if (isCamelCase(field.name)) continue;
      const suggestion = camelCase(field.name);
      const dym = suggestion !== field.name && isCamelCase(suggestion) ? `; did you mean "${suggestion}"?` : '';
      findings.push({
        pointer: field.pointer,
        on: 'key',
        message: `Field "${field.name}" of ${owner} is not camelCase${dym}`,
      });
    }
    return findings;
  },
};
