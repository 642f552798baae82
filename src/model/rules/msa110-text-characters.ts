import { writtenFields } from '../fields.js';
import type { Model } from '../ir.js';
import { joinPointer } from '../pointer.js';
import { forbiddenCharacter } from '../text-characters.js';
import { defineRule } from './rule.js';

/** A text to check, its pointer and what it is (`The title of context "application"`) made only for a finding. */
type Check = (text: string | undefined, multiline: boolean, pointer: () => string, what: () => string) => void;

/** The free text of a model, in the order its findings are reported: what no naming rule constrains, and what generated files copy. */
function visitTexts(model: Model, check: Check): void {
  const line = (text: string | undefined, pointer: () => string, what: () => string) => check(text, false, pointer, what);
  const description = (el: { readonly description: string | undefined; readonly pointer: string }, what: () => string) => {
    if (el.description !== undefined) check(el.description, true, () => joinPointer(el.pointer, 'description'), () => `The description of ${what()}`);
  };
  const p = model.platform;
  // Unwritten titles and prefixes are the names (MSA102 checks those).
  if (p.title !== p.name) line(p.title, () => '/platform/title', () => 'The platform title');
  if (p.eventTypePrefix !== p.name) line(p.eventTypePrefix, () => '/platform/eventTypePrefix', () => 'The event type prefix');
  description(p, () => 'the platform');
  for (const c of model.contexts) {
    if (c.title !== c.name) line(c.title, () => joinPointer(c.pointer, 'title'), () => `The title of context "${c.name}"`);
    description(c, () => `context "${c.name}"`);
    for (const a of c.aggregates) {
      description(a, () => `aggregate "${a.name}"`);
      for (const cmd of a.commands) {
        line(cmd.actor, () => joinPointer(cmd.pointer, 'actor'), () => `The actor of command "${cmd.name}"`);
        description(cmd, () => `command "${cmd.name}"`);
      }
      for (const e of a.events) description(e, () => `event "${e.name}"`);
    }
    for (const pol of c.policies) description(pol, () => `policy "${pol.name}"`);
    for (const r of c.readModels) {
      description(r, () => `read model "${r.name}"`);
      for (const [event, status] of r.status) {
        // Derived statuses are words of the event name; written ones stand under status.<event>.
        line(status, () => joinPointer(r.pointer, 'status', event), () => `The status value for ${event} of read model "${r.name}"`);
      }
    }
  }
  for (const { field, owner } of writtenFields(model)) {
    if (field.description !== undefined) {
      check(field.description, true, () => joinPointer(field.pointer, 'description'), () => `The description of field "${field.name}" of ${owner}`);
    }
    field.values.forEach((v, i) => line(v, () => joinPointer(field.pointer, 'values', i), () => `Value ${i + 1} of enum field "${field.name}" of ${owner}`));
  }
  for (const x of model.externals) {
    if (x.title !== x.name) line(x.title, () => joinPointer(x.pointer, 'title'), () => `The title of external system "${x.name}"`);
    description(x, () => `external system "${x.name}"`);
    line(x.baseUrl, () => joinPointer(x.pointer, 'baseUrl'), () => `The base URL of external system "${x.name}"`);
  }
  for (const s of model.sagas) description(s, () => `saga "${s.name}"`);
}

export const rule = defineRule({
  code: 'MSA110',
  name: 'text-characters',
  severity: 'error',
  summary:
    'Free text holds no control characters, line or paragraph separators, or bidirectional controls; titles, actors, enum and status values, the event type prefix and base URLs are one line (descriptions may hold line feeds and tabs).',
  hint: 'Remove the character: write plain text, and line breaks only in descriptions.',
  docs: `Titles, descriptions, actors, enum values and the other free text of a model are copied
into generated files: a title lands in a \`#\` comment of each service's Dockerfile and of the
Helm values, in the chart's \`Chart.yaml\`, in the README and in doc comments; enum values in
TypeScript types and JSON schemas. One line of text must stay one line there. A line feed in a
title ends the Dockerfile comment, and the next line is an instruction \`docker build\` runs
(\`x)\\nRUN touch pwned\`); in a YAML comment it starts a live key. U+0085 (next line) and
U+2028/U+2029 (line and paragraph separators) are line breaks to YAML 1.1 readers and to
JavaScript. Terminal escape sequences (ESC, BEL) and other control characters reach every
terminal that prints the file. Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
U+2066–U+2069) make text display in another order than it is read by the tools: the Trojan
Source attack.

So free text holds no C0 control character, no DEL, no C1 control character (U+0080–U+009F),
no U+2028 or U+2029, no bidirectional embedding, override or isolate, and no unpaired
surrogate (a \`"\\uD800"\` escape, which cannot be written as UTF-8). Single-line text — titles,
actors, enum values, read-model status values, the event type prefix, base URLs — holds no
line break or tab either; descriptions may span lines (line feeds) and hold tabs.

Names are checked by their own rules (PascalCase, camelCase, DNS labels: MSA101, MSA102,
MSA105), the image registry and tag by MSA602.`,
  messages: {
    /** `what`: which text (`The title of context "application"`); `kind`: what the character is (`a control character`); `character`: `U+001B (escape)`. */
    forbiddenCharacter: '{{what}} holds {{kind}}, {{character}}, at character {{position}}',
    /** A line break or a tab in text that is one line. */
    notOneLine: '{{what}} holds {{kind}}, {{character}}, at character {{position}}: it is one line of text',
  },
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: application
    title: "Applications\\nRUN touch /pwned"     # a line break in a title
    description: "Files \\u202Eexe.pdf"           # a right-to-left override`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: application
    title: Applications
    description: |
      Receives applications.
      Checks them before issuance.`,
      },
    ],
  },
  check(model, report) {
    visitTexts(model, (text, multiline, pointer, what) => {
      if (text === undefined) return;
      const bad = forbiddenCharacter(text, multiline);
      if (bad === undefined) return;
      const oneLine = !multiline && (bad.kind === 'a line break' || bad.kind === 'a tab');
      report({
        pointer: pointer(),
        messageId: oneLine ? 'notOneLine' : 'forbiddenCharacter',
        data: { what: what(), kind: bad.kind, character: bad.name, position: bad.position },
      });
    });
  },
});
