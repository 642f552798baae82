import { singularName } from '../english.js';
import type { Finding } from '../finding.js';
import { joinPointer } from '../pointer.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
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
nouns (\`ApplicantData\`). Acronyms are left alone. The finding suggests the singular.

Fails:

    aggregates:
      - name: Applications        # did you mean "Application"?
    readModels:
      - name: CivilRegistries     # did you mean "CivilRegistry"?

Passes:

    aggregates:
      - name: Application
    readModels:
      - name: ApplicationStatus`,
  check(model) {
    const findings: Finding[] = [];
    const named = [
      ...model.aggregates.map((a) => ({ kind: 'Aggregate', el: a })),
      ...model.readModels.map((r) => ({ kind: 'Read model', el: r })),
    ];
    for (const { kind, el } of named) {
      const singular = singularName(el.name);
      if (singular === undefined) continue;
      const dym = singular !== el.name ? `; did you mean "${singular}"?` : '';
      findings.push({
        pointer: joinPointer(el.pointer, 'name'),
        message: `${kind} "${el.name}" does not end in a singular noun${dym}`,
      });
    }
    return findings;
  },
};
