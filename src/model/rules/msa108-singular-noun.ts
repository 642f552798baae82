import { singularName } from '../english.js';
import { joinPointer } from '../pointer.js';
import { suggestion } from '../suggest.js';
import { defineRule } from './rule.js';

export const rule = defineRule({
  code: 'MSA108',
  name: 'singular-noun',
  severity: 'error',
  summary: 'Aggregate and read-model names end in a singular noun.',
  hint: 'Name one instance: Application, not Applications.',
  docs: `An aggregate is one consistency boundary (one complaint application, one issued
document), and a read model describes one row of its projection (the Government24 result
lookup \`ApplicationResult\`, keyed by \`applicationId\`). Generated code names the class, the
table and the repository after them and derives plurals itself (\`/applications\`), so a plural
name produces \`Applicationss\` and confuses a reader about what one instance is.

The rule looks at the last word of the name. A regular plural ends in \`s\` (not \`ss\`, \`us\`,
\`is\`, \`ics\` or \`ous\`: Address, Status, Process, Analysis, Bus, Census and Statistics are
singular), with \`-ies\` from \`-y\` (Registries → Registry), \`-es\` after s, x, z, ch and sh
(Addresses → Address), and irregular plurals (People, Children, Men, Women, Criteria,
Indices…). Nouns that end in s but are singular or have no singular (News, Series, Species,
Lens, Canvas, Goods, Savings…) pass. \`Data\` and \`Media\` pass too: models use them as mass
nouns (\`ApplicantData\`). Acronyms are left alone. The finding suggests the singular.`,
  messages: {
    /** `kind`: Aggregate, Read model. */
    plural: '{{kind}} "{{name}}" does not end in a singular noun{{suggestion}}',
  },
  examples: {
    fails: [
      {
        at: { aggregates: '/contexts/0', readModels: '/contexts/2' },
        yaml: `aggregates:
  - name: Applications        # did you mean "Application"?
    fields: { applicationId: { type: uuid, key: true } }
readModels:
  - name: CivilRegistries     # did you mean "CivilRegistry"?
    key: applicationId
    from: [ApplicationSubmitted]`,
      },
    ],
    passes: [
      {
        at: { aggregates: '/contexts/0', readModels: '/contexts/2' },
        yaml: `aggregates:
  - name: Application
    fields: { applicationId: { type: uuid, key: true } }
readModels:
  - name: ApplicationStatus
    key: applicationId
    from: [ApplicationSubmitted]`,
      },
    ],
  },
  check(model, report) {
    const named = [
      ...model.aggregates.map((a) => ({ kind: 'Aggregate', el: a })),
      ...model.readModels.map((r) => ({ kind: 'Read model', el: r })),
    ];
    for (const { kind, el } of named) {
      const singular = singularName(el.name);
      if (singular === undefined) continue;
      report({
        pointer: joinPointer(el.pointer, 'name'),
        messageId: 'plural',
        data: { kind, name: el.name, suggestion: suggestion(singular !== el.name ? singular : undefined) },
      });
    }
  },
});
