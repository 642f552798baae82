import { joinPointer } from '../pointer.js';
import { defineRule, type FindingOf, type Messages } from './rule.js';

/** Longest name accepted: generated paths nest it a few times under Windows' 260-character limit. */
export const MAX_PATH_NAME = 100;

/** Windows device names, reserved in every folder and with any extension (CON.ts too); ¹²³ written as escapes (the CLI's bundles are ASCII). */
const DEVICE = /^(?:con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/i;

interface PathName {
  readonly kind: string;
  /** The element named: its name, and the pointer its `name` is under. */
  readonly el: { readonly name: string; readonly pointer: string };
}

const namePointer = (n: PathName) => joinPointer(n.el.pointer, 'name');

/** A name that passes every check of unsafe() at a glance: letters, digits, `_` and `-`, at most MAX_PATH_NAME of them. */
const PLAIN_NAME = /^[A-Za-z0-9_-]{1,100}$/;

function isDevice(name: string): boolean {
  const stem = name.split('.')[0] ?? name;
  return DEVICE.test(stem.trimEnd());
}

const messages = {
  /** `kind`: Context, Aggregate, Policy, Read model, Command, Event, Saga, External. */
  nulCharacter: '{{kind}} "{{name}}" contains a NUL character; it becomes a file or folder name',
  controlCharacter: '{{kind}} "{{name}}" contains a control character; it becomes a file or folder name',
  pathSeparator: `{{kind}} "{{name}}" contains the path separator '{{separator}}'; it becomes a file or folder name`,
  dotDot: `{{kind}} "{{name}}" contains '..'; it becomes a file or folder name`,
  windowsCharacter: `{{kind}} "{{name}}" contains '{{character}}', which Windows does not allow in file names; it becomes a file or folder name`,
  trailingDotOrSpace: '{{kind}} "{{name}}" ends in a dot or a space, which Windows drops from file names; it becomes a file or folder name',
  deviceName: '{{kind}} "{{name}}" is a Windows device name; it becomes a file or folder name',
  tooLong: '{{kind}} "{{name}}" is {{length}} characters long (at most {{limit}}); it becomes a file or folder name',
  /** `subject`: Platform name, Platform namespace. */
  deviceFolder: '{{subject}} "{{name}}" is a Windows device name; it becomes a folder name',
  namespaceDeviceFolder: 'Namespace "{{name}}" of context "{{context}}" is a Windows device name; it becomes a folder name',
  caseClash:
    '{{kind}} "{{name}}" differs from {{firstKind}} "{{first}}" only in letter case; their files clash on case-insensitive file systems',
} as const satisfies Messages;

type Found = FindingOf<typeof messages>;

/** Why a name is unsafe as a file or folder name (`kind`: what it names, for the message), or undefined. */
function unsafe(kind: string, name: string, pointer: string): Found | undefined {
  const at = () => ({ pointer, data: { kind, name } });
  if (/[\u0000-\u001f]/.test(name)) return { ...at(), messageId: name.includes('\u0000') ? 'nulCharacter' : 'controlCharacter' };
  const sep = /[/\\]/.exec(name);
  if (sep) return { pointer, messageId: 'pathSeparator', data: { kind, name, separator: sep[0] } };
  if (name.includes('..') || name === '.') return { ...at(), messageId: 'dotDot' };
  const bad = /[:<>"|?*]/.exec(name);
  if (bad) return { pointer, messageId: 'windowsCharacter', data: { kind, name, character: bad[0] } };
  if (/[. ]$/.test(name)) return { ...at(), messageId: 'trailingDotOrSpace' };
  if (isDevice(name)) return { ...at(), messageId: 'deviceName' };
  if (name.length > MAX_PATH_NAME) return { pointer, messageId: 'tooLong', data: { kind, name, length: name.length, limit: MAX_PATH_NAME } };
  return undefined;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export const rule = defineRule({
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
other contexts), for sagas and for externals. The finding is reported at the second name.`,
  messages,
  examples: {
    fails: [
      {
        at: '/contexts/0',
        yaml: `aggregates:
  - name: Application
    events:
      - name: ApplicationSubmitted
      - name: Applicationsubmitted    # differs only in letter case
  - name: Con                         # a Windows device name
    fields: { conId: { type: uuid, key: true } }`,
      },
    ],
    passes: [
      {
        at: '/contexts/0',
        yaml: `aggregates:
  - name: Application
    events:
      - name: ApplicationSubmitted
      - name: ApplicationResubmitted`,
      },
    ],
  },
  check(model, report) {
    const reported = new Set<string>();
    const once = (finding: Found) => {
      if (reported.has(finding.pointer)) return;
      reported.add(finding.pointer);
      report(finding);
    };
    const at = (kind: string, el: { name: string; pointer: string }): PathName => ({ kind, el });

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
      // A plain name is safe unless it is a device name (it has no dot: the stem is the name; and
      // a plain device name is CON, PRN, AUX, NUL or COM1–LPT9: four characters at most).
      if (PLAIN_NAME.test(n.el.name) && (n.el.name.length > 4 || !DEVICE.test(n.el.name))) continue;
      const found = unsafe(n.kind, n.el.name, namePointer(n));
      if (found !== undefined) once(found);
    }

    // Helm and Kafka folders: DNS labels already, but a label can still be a device name.
    const p = model.platform;
    if (isDevice(p.name)) once({ pointer: '/platform/name', messageId: 'deviceFolder', data: { subject: 'Platform name', name: p.name } });
    if (p.namespace !== p.name && isDevice(p.namespace)) {
      once({ pointer: '/platform/namespace', messageId: 'deviceFolder', data: { subject: 'Platform namespace', name: p.namespace } });
    }
    for (const c of model.contexts) {
      if (c.namespace !== p.namespace && isDevice(c.namespace)) {
        once({ pointer: joinPointer(c.pointer, 'namespace'), messageId: 'namespaceDeviceFolder', data: { name: c.namespace, context: c.name } });
      }
    }

    // Two names that differ only in letter case, anywhere: without them no group holds a clash.
    const spelling = new Map<string, string>();
    let differInCase = false;
    for (const group of [contexts, ...perContext, sagas, externals]) {
      for (const n of group) {
        const key = n.el.name.toLowerCase();
        const first = spelling.get(key);
        if (first === undefined) spelling.set(key, n.el.name);
        else if (first !== n.el.name) differInCase = true;
      }
    }
    // (Every event and command is in its context's group too.)
    if (!differInCase) return;
    // Events and commands together: a service's src/generated/schemas/ holds the schemas of its
    // commands and of every event it emits or consumes, of any context.
    for (const group of [contexts, ...perContext, [...events, ...commands], sagas, externals]) {
      const seen = new Map<string, PathName>();
      for (const n of group) {
        const key = n.el.name.toLowerCase();
        const first = seen.get(key);
        if (first === undefined) seen.set(key, n);
        else if (first.el.name !== n.el.name) {
          once({
            pointer: namePointer(n),
            messageId: 'caseClash',
            data: { kind: n.kind, name: n.el.name, firstKind: lowerFirst(first.kind), first: first.el.name },
          });
        }
      }
    }
  },
});
