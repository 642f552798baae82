import { words } from '../case.js';
import { joinPointer } from '../pointer.js';
import { didYouMean } from '../suggest.js';
import { defineRule } from './rule.js';

/** Whether the name's first words are the qualifier's words (Car + CarApplicationSubmitted, not CargoLoaded). */
function startsWithWords(name: string, qualifier: string): boolean {
  const n = words(name);
  const q = words(qualifier);
  return q.length > 0 && q.length < n.length && q.every((w, i) => n[i] === w);
}

export const rule = defineRule({
  code: 'MSA109',
  name: 'event-qualifier',
  severity: 'error',
  summary: "A context's qualifier is declared in platform.naming.eventQualifiers and every event of the context starts with it.",
  hint: 'Declare the qualifier, or start the event name with it: CarApplicationSubmitted.',
  docs: `Government24 handles several complaint types with the same flow, and its event-naming rule
puts the type in front of the event name so that an event is told apart at a glance in logs
and traces: \`GeneralApplicationSubmitted\`, \`CarApplicationSubmitted\`. The model declares
the allowed prefixes once, in \`platform.naming.eventQualifiers\`, and a context that serves one
complaint type names it in \`qualifier\`.

The rule reports a context \`qualifier\` that is not one of the declared qualifiers (with the
closest declared one as a suggestion), and, for a context whose qualifier is declared, every
event of the context whose name does not start with it; the finding suggests the qualified
name (with another declared qualifier replaced: \`GeneralApplicationSubmitted\` in a \`Car\`
context → \`CarApplicationSubmitted\`). Nothing more is required: a context without a qualifier
may name its events freely, even with a declared qualifier in front.`,
  messages: {
    /** `declared`: the closest declared qualifier as a suggestion, or that none are declared. */
    undeclared: 'Qualifier "{{name}}" of context "{{context}}" is not declared in platform.naming.eventQualifiers{{declared}}',
    unqualifiedEvent: 'Event "{{name}}" of context "{{context}}" does not start with its qualifier "{{qualifier}}"; did you mean "{{proposal}}"?',
  },
  examples: {
    fails: [
      {
        yaml: `platform:
  naming:
    eventQualifiers: [General, Car]
contexts:
  - name: car-registration
    qualifier: Car
    aggregates:
      - name: Application
        fields: { applicationId: { type: uuid, key: true } }
        events:
          - name: ApplicationSubmitted       # did you mean "CarApplicationSubmitted"?`,
      },
    ],
    passes: [
      {
        yaml: `platform:
  naming:
    eventQualifiers: [General, Car]
contexts:
  - name: car-registration
    qualifier: Car
    aggregates:
      - name: Application
        fields: { applicationId: { type: uuid, key: true } }
        events:
          - name: CarApplicationSubmitted`,
      },
    ],
  },
  check(model, report) {
    const declared = model.platform.eventQualifiers.map((q) => q.name);
    for (const c of model.contexts) {
      const q = c.qualifier;
      if (q === undefined) continue;
      if (q.target === undefined) {
        report({
          pointer: q.pointer,
          messageId: 'undeclared',
          data: { name: q.name, context: c.name, declared: declared.length === 0 ? ' (none are declared)' : didYouMean(q.name, declared) },
        });
        continue;
      }
      for (const a of c.aggregates) {
        for (const e of a.events) {
          if (startsWithWords(e.name, q.name)) continue;
          const other = declared
            .filter((d) => d !== q.name && startsWithWords(e.name, d))
            .sort((x, y) => y.length - x.length)[0];
          const rest = other === undefined ? e.name : e.name.slice(other.length);
          report({
            pointer: joinPointer(e.pointer, 'name'),
            messageId: 'unqualifiedEvent',
            data: { name: e.name, context: c.name, qualifier: q.name, proposal: `${q.name}${rest}` },
          });
        }
      }
    }
  },
});
