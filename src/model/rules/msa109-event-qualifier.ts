import { words } from '../case.js';
import type { Finding } from '../finding.js';
import { joinPointer } from '../pointer.js';
import { didYouMean } from '../suggest.js';
import type { Rule } from './rule.js';

/** Whether the name's first words are the qualifier's words (Car + CarApplicationSubmitted, not CargoLoaded). */
function startsWithWords(name: string, qualifier: string): boolean {
  const n = words(name);
  const q = words(qualifier);
  return q.length > 0 && q.length < n.length && q.every((w, i) => n[i] === w);
}

export const rule: Rule = {
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
may name its events freely, even with a declared qualifier in front.

Fails:

    platform:
      naming:
        eventQualifiers: [General, Car]
    contexts:
      - name: car-registration
        qualifier: Car
        aggregates:
          - name: Application
            events:
              - name: ApplicationSubmitted       # did you mean "CarApplicationSubmitted"?

Passes:

    contexts:
      - name: car-registration
        qualifier: Car
        aggregates:
          - name: Application
            events:
              - name: CarApplicationSubmitted`,
  check(model) {
    const declared = model.platform.eventQualifiers.map((q) => q.name);
    const findings: Finding[] = [];
    for (const c of model.contexts) {
      const q = c.qualifier;
      if (q === undefined) continue;
      if (q.target === undefined) {
        const hint = declared.length === 0 ? ' (none are declared)' : didYouMean(q.name, declared);
        findings.push({
          pointer: q.pointer,
          message: `Qualifier "${q.name}" of context "${c.name}" is not declared in platform.naming.eventQualifiers${hint}`,
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
          findings.push({
            pointer: joinPointer(e.pointer, 'name'),
            message: `Event "${e.name}" of context "${c.name}" does not start with its qualifier "${q.name}"; did you mean "${q.name}${rest}"?`,
          });
        }
      }
    }
    return findings;
  },
};
