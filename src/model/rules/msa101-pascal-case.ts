import { isPascalCase, pascalCase } from '../case.js';
import type { Finding } from '../finding.js';
import type { Model } from '../ir.js';
import { joinPointer } from '../pointer.js';
import type { Rule } from './rule.js';

/** A name written in the model and what it names, for the message. */
interface Named {
  /** How the message names it: `Event "x"`, `Qualifier "x" of context "y"`. */
  readonly label: string;
  readonly name: string;
  readonly pointer: string;
}

function namesOf(model: Model): Named[] {
  const at = (kind: string, el: { name: string; pointer: string }): Named => ({
    label: `${kind} "${el.name}"`,
    name: el.name,
    pointer: joinPointer(el.pointer, 'name'),
  });
  const list: Named[] = [];
  for (const q of model.platform.eventQualifiers) list.push({ label: `Event qualifier "${q.name}"`, name: q.name, pointer: q.pointer });
  for (const c of model.contexts) {
    if (c.qualifier) {
      const q = c.qualifier;
      list.push({ label: `Qualifier "${q.name}" of context "${c.name}"`, name: q.name, pointer: q.pointer });
    }
    for (const a of c.aggregates) {
      list.push(at('Aggregate', a));
      for (const cmd of a.commands) list.push(at('Command', cmd));
      for (const e of a.events) list.push(at('Event', e));
    }
    for (const p of c.policies) list.push(at('Policy', p));
    for (const r of c.readModels) list.push(at('Read model', r));
  }
  for (const x of model.externals) {
    list.push(at('External', x));
    // An operation is a plain string in `commands:`, so its pointer is the item itself.
    for (const op of x.operations) {
      list.push({ label: `Operation "${op.name}" of external "${x.name}"`, name: op.name, pointer: op.pointer });
    }
  }
  for (const s of model.sagas) list.push(at('Saga', s));
  return list;
}

export const rule: Rule = {
  code: 'MSA101',
  name: 'pascal-case',
  severity: 'error',
  summary:
    'Aggregates, events, commands, policies, read models, sagas, externals, external operations and qualifiers are PascalCase.',
  hint: 'Write the name as PascalCase words, e.g. GeneralApplicationSubmitted.',
  docs: `These names become TypeScript types and classes, file names, Kafka topic names and
CloudEvents types (\`<prefix>.GeneralApplicationSubmitted.v1\`). PascalCase keeps them
readable in an event report and lets msa-gen split them into words reliably: the
Government24 naming rule reads \`GeneralApplicationSubmitted\` as the qualifier \`General\`,
the noun \`Application\` and the past participle \`Submitted\`, and the other naming rules
(past tense, imperative verb, singular noun, qualifier) depend on that split.

PascalCase here means: a capital letter, then letters and digits, every word starting with a
capital letter; no \`_\`, \`-\`, spaces or dots. The rule checks aggregates, commands, events,
policies, read models, sagas, externals, the operations an external offers, the qualifiers
declared in \`platform.naming.eventQualifiers\` and a context's \`qualifier\`. A finding
suggests the PascalCase spelling of the same words.

Fails:

    aggregates:
      - name: Application
        events:
          - name: application_submitted    # did you mean "ApplicationSubmitted"?

Passes:

    aggregates:
      - name: Application
        events:
          - name: ApplicationSubmitted`,
  check(model) {
    const findings: Finding[] = [];
    for (const n of namesOf(model)) {
      if (isPascalCase(n.name)) continue;
      const suggestion = pascalCase(n.name);
      const dym = suggestion !== n.name && isPascalCase(suggestion) ? `; did you mean "${suggestion}"?` : '';
      findings.push({ pointer: n.pointer, message: `${n.label} is not PascalCase${dym}` });
    }
    return findings;
  },
};
