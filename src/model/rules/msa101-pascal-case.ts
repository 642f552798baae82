import { isPascalCase, pascalCase } from '../case.js';
import type { Model } from '../ir.js';
import { joinPointer } from '../pointer.js';
import { suggestion } from '../suggest.js';
import { defineRule } from './rule.js';

/** A name written in the model and what it names, for the message. */
interface Named {
  /** `Event`, `Aggregate`…; for a qualifier of a context or an operation of an external, that owner. */
  readonly kind: string;
  readonly of?: { readonly kind: 'context' | 'external'; readonly name: string };
  readonly name: string;
  /** The element: the name is under its `name` key, or (`item`) the element is the name itself. */
  readonly el: { readonly pointer: string };
  readonly item?: true;
}

/** Where a name stands (made only for a finding). */
const pointerOf = (n: Named) => (n.item ? n.el.pointer : joinPointer(n.el.pointer, 'name'));

function namesOf(model: Model): Named[] {
  const at = (kind: string, el: { name: string; pointer: string }): Named => ({ kind, name: el.name, el });
  const list: Named[] = [];
  for (const q of model.platform.eventQualifiers) list.push({ kind: 'Event qualifier', name: q.name, el: q, item: true });
  for (const c of model.contexts) {
    if (c.qualifier) {
      const q = c.qualifier;
      list.push({ kind: 'Qualifier', of: { kind: 'context', name: c.name }, name: q.name, el: q, item: true });
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
      list.push({ kind: 'Operation', of: { kind: 'external', name: x.name }, name: op.name, el: op, item: true });
    }
  }
  for (const s of model.sagas) list.push(at('Saga', s));
  return list;
}

export const rule = defineRule({
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
suggests the PascalCase spelling of the same words.`,
  messages: {
    /** `kind`: Aggregate, Command, Event, Policy, Read model, External, Saga, Event qualifier. */
    notPascalCase: '{{kind}} "{{name}}" is not PascalCase{{suggestion}}',
    qualifierNotPascalCase: 'Qualifier "{{name}}" of context "{{context}}" is not PascalCase{{suggestion}}',
    operationNotPascalCase: 'Operation "{{name}}" of external "{{external}}" is not PascalCase{{suggestion}}',
  },
  examples: {
    fails: [
      {
        at: '/contexts/0',
        yaml: `aggregates:
  - name: Application
    events:
      - name: application_submitted    # did you mean "ApplicationSubmitted"?`,
      },
    ],
    passes: [
      {
        at: '/contexts/0',
        yaml: `aggregates:
  - name: Application
    events:
      - name: ApplicationSubmitted`,
      },
    ],
  },
  check(model, report) {
    for (const n of namesOf(model)) {
      if (isPascalCase(n.name)) continue;
      const proposal = pascalCase(n.name);
      const data = { name: n.name, suggestion: suggestion(proposal !== n.name && isPascalCase(proposal) ? proposal : undefined) };
      const pointer = pointerOf(n);
      if (n.of === undefined) report({ pointer, messageId: 'notPascalCase', data: { ...data, kind: n.kind } });
      else if (n.of.kind === 'context') report({ pointer, messageId: 'qualifierNotPascalCase', data: { ...data, context: n.of.name } });
      else report({ pointer, messageId: 'operationNotPascalCase', data: { ...data, external: n.of.name } });
    }
  },
});
