import type { Finding } from '../finding.js';
import { joinPointer } from '../pointer.js';
import type { Rule } from './rule.js';

/** Longest name accepted: generated paths nest it a few times under Windows' 260-character limit. */
export const MAX_PATH_NAME = 100;

/** Windows device names, reserved in every folder and with any extension (CON.ts too). */
const DEVICE = /^(?:con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³]|conin\$|conout\$)$/i;

interface PathName {
  readonly kind: string;
  readonly name: string;
  readonly pointer: string;
}

function isDevice(name: string): boolean {
  const stem = name.split('.')[0] ?? name;
  return DEVICE.test(stem.trimEnd());
}

/** Why a name is unsafe as a file or folder name, or undefined. */
function unsafe(name: string): string | undefined {
  if (/[\u0000-\u001f]/.test(name)) return name.includes('\u0000') ? 'contains a NUL character' : 'contains a control character';
  const sep = /[/\\]/.exec(name);
  if (sep) return `contains the path separator '${sep[0]}'`;
  if (name.includes('..') || name === '.') return "contains '..'";
  const bad = /[:<>"|?*]/.exec(name);
  if (bad) return `contains '${bad[0]}', which Windows does not allow in file names`;
  if (/[. ]$/.test(name)) return 'ends in a dot or a space, which Windows drops from file names';
  if (isDevice(name)) return 'is a Windows device name';
  if (name.length > MAX_PATH_NAME) return `is ${name.length} characters long (at most ${MAX_PATH_NAME})`;
  return undefined;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export const rule: Rule = {
  code: 'MSA107',
  name: 'unsafe-path-name',
  severity: 'error',
  summary: 'Names that become file or folder names are safe on every file system.',
  hint: "Avoid path separators, '..', device names such as CON or NUL, and names that differ from another only in letter case.",
  docs: `\`scaffold\` turns names into paths: a context is the folder \`services/<context>/\`, and
aggregates, policies, events, commands and read models become files such as
\`src/domain/<Aggregate>.ts\` and \`src/policies/<Policy>.ts\`; sagas and externals become
files too. msa-gen confines every path to the output folder anyway, but a name must not even
try to leave it, and the generated tree must check out on every developer's machine.

A name is reported when it contains \`/\`, \`\\\`, \`..\`, NUL or another control character, or
a character Windows refuses in file names (\`: < > " | ? *\`); when it ends in a dot or a space;
when it is a Windows device name (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, in any letter
case: \`Con.ts\` cannot be created on Windows); or when it is longer than 100 characters. The
platform name and namespaces, which name Helm and Kafka folders, are checked for device names
(the DNS-label rule covers the rest).

Two names that land in the same folder must not differ only in letter case: Windows and
macOS file systems ignore case, so \`ApplicationSubmitted.ts\` and
\`Applicationsubmitted.ts\` would overwrite each other. This is checked for context names,
for all the files of one context together (aggregates, policies, events, commands, read
models), and across the model for events and commands together (a service's
\`src/generated/schemas/\` holds the schemas of its commands and of the events it consumes from
other contexts), for sagas and for externals. The finding is reported at the second name.

Fails:

    aggregates:
      - name: Application
        events:
          - name: ApplicationSubmitted
          - name: Applicationsubmitted    # differs only in letter case
      - name: Con                         # a Windows device name

Passes:

    aggregates:
      - name: Application
        events:
          - name: ApplicationSubmitted
          - name: ApplicationResubmitted`,
  check(model) {
    const findings: Finding[] = [];
    const reported = new Set<string>();
    const report = (pointer: string, message: string) => {
      if (reported.has(pointer)) return;
      reported.add(pointer);
      findings.push({ pointer, message });
    };
    const at = (kind: string, el: { name: string; pointer: string }): PathName => ({
      kind,
      name: el.name,
      pointer: joinPointer(el.pointer, 'name'),
    });

    // Names that become paths, and the groups of names that share a folder.
    const contexts = model.contexts.map((c) => at('Context', c));
    const perContext = model.contexts.map((c) => [
      ...c.aggregates.map((a) => at('Aggregate', a)),
      ...c.policies.map((p) => at('Policy', p)),
      ...c.readModels.map((r) => at('Read model', r)),
      ...c.aggregates.flatMap((a) => a.commands.map((cmd) => at('Command', cmd))),
      ...c.aggregates.flatMap((a) => a.events.map((e) => at('Event', e))),
    ]);
    const sagas = model.sagas.map((s) => at('Saga', s));
    const externals = model.externals.map((x) => at('External', x));
    const events = model.events.map((e) => at('Event', e));
    const commands = model.commands.map((c) => at('Command', c));

    for (const n of [...contexts, ...perContext.flat(), ...sagas, ...externals]) {
      const why = unsafe(n.name);
      if (why !== undefined) report(n.pointer, `${n.kind} "${n.name}" ${why}; it becomes a file or folder name`);
    }

    // Helm and Kafka folders: DNS labels already, but a label can still be a device name.
    const p = model.platform;
    if (isDevice(p.name)) report('/platform/name', `Platform name "${p.name}" is a Windows device name; it becomes a folder name`);
    if (p.namespace !== p.name && isDevice(p.namespace)) {
      report('/platform/namespace', `Platform namespace "${p.namespace}" is a Windows device name; it becomes a folder name`);
    }
    for (const c of model.contexts) {
      if (c.namespace !== p.namespace && isDevice(c.namespace)) {
        report(
          joinPointer(c.pointer, 'namespace'),
          `Namespace "${c.namespace}" of context "${c.name}" is a Windows device name; it becomes a folder name`,
        );
      }
    }

    // Events and commands together: a service's src/generated/schemas/ holds the schemas of its
    // commands and of every event it emits or consumes, of any context.
    for (const group of [contexts, ...perContext, [...events, ...commands], sagas, externals]) {
      const seen = new Map<string, PathName>();
      for (const n of group) {
        const key = n.name.toLowerCase();
        const first = seen.get(key);
        if (first === undefined) seen.set(key, n);
        else if (first.name !== n.name) {
          report(
            n.pointer,
            `${n.kind} "${n.name}" differs from ${lowerFirst(first.kind)} "${first.name}" only in letter case; their files clash on case-insensitive file systems`,
          );
        }
      }
    }
    return findings;
  },
};
