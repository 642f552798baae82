/**
 * src/core/diff/: what changed between two versions of a model, for the consumers of its contracts
 * (events on their topics, commands behind their routes), and whether each change breaks them
 * under a compatibility mode (Confluent Schema Registry's BACKWARD, FORWARD, FULL). Pure: two
 * resolved models in, changes as data out; `msa-gen diff` prints them (docs/diff.md).
 *
 * A breaking change of an event made together with a new version of it (`version: n+1`, which
 * gives a new CloudEvents type `.v<n+1>` and, by default, a new topic `<Event>.v<n+1>`) is a
 * migration: old records stay on the old topic, new ones go to the new one.
 */
import { compareText } from '../../model/diagnostic.js';
import { clipQuoted } from '../../model/text.js';
import type { Command, Event, Model } from '../../model/ir.js';
import { routeShape } from '../../model/routes.js';
import { compareFields, typeName, type Breaks } from './fields.js';
import { BUMP, KINDS, SECOND_COMMAND, type ChangeKind } from './kinds.js';

export { ALL_KINDS, KINDS, type ChangeKind } from './kinds.js';

export const MODES = ['backward', 'forward', 'full'] as const;
export type Mode = (typeof MODES)[number];

export type Verdict = 'breaking' | 'migration' | 'compatible';

export interface Change {
  readonly kind: ChangeKind;
  readonly verdict: Verdict;
  /** The event or command whose contract changed. */
  readonly subject: { readonly type: 'event' | 'command'; readonly name: string };
  /** One sentence; model names quoted. */
  readonly message: string;
  /** The modes under which the change breaks a reader (before a version bump makes it a migration). */
  readonly breaksUnder: readonly Mode[];
  /** Where the change stands in the new model (for a removal: the nearest element that is still there). */
  readonly pointer: string;
  /** Where the changed element stood in the old model, if it was there. */
  readonly oldPointer: string | undefined;
  /** What to do about it: the kind's hint, or for a migration, how to roll the new version out. */
  readonly hint: string;
}

export interface DiffResult {
  readonly mode: Mode;
  readonly changes: readonly Change[];
  readonly breaking: number;
  readonly migrations: number;
  readonly compatible: number;
}

const ALWAYS: Breaks = { backward: true, forward: true };
const NEVER: Breaks = { backward: false, forward: false };

function modesBroken(b: Breaks): Mode[] {
  const out: Mode[] = [];
  if (b.backward) out.push('backward');
  if (b.forward) out.push('forward');
  if (b.backward || b.forward) out.push('full');
  return out;
}

const q = (s: string) => JSON.stringify(s);

/** Who reads each event: `policy <name>` and `read model <name>`, by event name. */
function consumers(model: Model): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (event: string, who: string) => {
    let set = out.get(event);
    if (!set) out.set(event, (set = new Set()));
    set.add(who);
  };
  for (const p of model.policies) add(p.on.name, `policy ${q(p.name)}`);
  for (const r of model.readModels) for (const e of r.from) add(e.name, `read model ${q(r.name)}`);
  return out;
}

/** Where an element of the old model would stand in the new one: its aggregate, else its context, else the top. */
function nearest(model: Model, context: string, aggregate: string): string {
  const ctx = model.contexts.find((c) => c.name === context);
  if (!ctx) return '/contexts';
  return ctx.aggregates.find((a) => a.name === aggregate)?.pointer ?? ctx.pointer;
}

/** Whether callers outside the service reach a command: a route, an actor, or a `calls` entry. */
function reachable(model: Model, command: Command): boolean {
  return command.http !== undefined || command.actor !== undefined || model.calls.some((c) => c.command.name === command.name);
}

/** What the router tells routes apart by (model/routes.ts): the method and the path with every parameter alike. */
const shapeOf = (c: Command) => (c.http ? routeShape(c.http.method, c.http.path) : undefined);
const routeText = (c: Command) => (c.http ? `${c.http.method} ${c.http.path}` : 'none');

const sameFieldNames = (a: Event, b: Event) =>
  a.payload.fields.map((f) => f.name).sort().join(',') === b.payload.fields.map((f) => f.name).sort().join(',');

export function diffModels(before: Model, after: Model, mode: Mode = 'full'): DiffResult {
  const changes: Change[] = [];
  const push = (
    kind: ChangeKind,
    subject: Change['subject'],
    message: string,
    breaks: Breaks,
    where: { pointer: string; oldPointer: string | undefined },
    migration = false,
  ) => {
    const breaksUnder = modesBroken(breaks);
    const verdict: Verdict = breaksUnder.includes(mode) ? (migration ? 'migration' : 'breaking') : kind === KINDS.versionBumped && migration ? 'migration' : 'compatible';
    const hint = verdict === 'migration' ? KINDS.versionBumped.hint : subject.type === 'command' ? kind.hint.replace(BUMP, SECOND_COMMAND) : kind.hint;
    changes.push({ kind, verdict, subject, message: clipQuoted(message), breaksUnder, ...where, hint });
  };

  const oldConsumers = consumers(before);
  const newConsumers = consumers(after);
  const newEvents = new Map(after.events.map((e) => [e.name, e]));
  const oldEvents = new Map(before.events.map((e) => [e.name, e]));
  const renamedTo = new Map<string, Event>();
  for (const o of before.events) {
    if (newEvents.has(o.name)) continue;
    const twin = after.events.find(
      (n) => !oldEvents.has(n.name) && n.context.name === o.context.name && n.aggregate.name === o.aggregate.name && sameFieldNames(o, n),
    );
    if (twin && ![...renamedTo.values()].includes(twin)) renamedTo.set(o.name, twin);
  }

  for (const o of before.events) {
    const subject = { type: 'event', name: o.name } as const;
    const n = newEvents.get(o.name);
    const readers = [...(oldConsumers.get(o.name) ?? [])];
    if (!n) {
      const twin = renamedTo.get(o.name);
      const how = twin ? `was renamed to ${q(twin.name)}` : 'was removed';
      const who = readers.length > 0 ? `; ${readers.join(', ')} consumed it` : '; nothing in the model consumed it';
      push(KINDS.eventRemoved, subject, `Event ${q(o.name)} ${how}${who}`, readers.length > 0 ? ALWAYS : NEVER, {
        pointer: twin?.pointer ?? nearest(after, o.context.name, o.aggregate.name),
        oldPointer: o.pointer,
      });
      continue;
    }
    const bumped = n.version > o.version;
    const movedTopic = n.topic.name !== o.topic.name;
    const migration = bumped && movedTopic;
    const at = { pointer: n.pointer, oldPointer: o.pointer };
    if (bumped) {
      const topic = movedTopic ? `, topic ${q(n.topic.name)}` : ` on the same topic ${q(n.topic.name)}, so its breaking changes still reach the old consumers`;
      push(KINDS.versionBumped, subject, `Event ${q(o.name)} is now version ${n.version} (type ${q(n.type)}${topic})`, NEVER, { pointer: `${n.pointer}/version`, oldPointer: o.pointer }, migration);
    } else if (movedTopic) {
      push(
        KINDS.topicChanged,
        subject,
        `Event ${q(o.name)} moved from topic ${q(o.topic.name)} to ${q(n.topic.name)} without a new version`,
        readers.length > 0 ? ALWAYS : NEVER,
        { pointer: n.topic.pointer, oldPointer: o.topic.pointer },
      );
    }
    const ok = o.aggregate.key;
    const nk = n.aggregate.key;
    if (ok && nk && (ok.name !== nk.name || typeName(ok) !== typeName(nk))) {
      push(
        KINDS.keyChanged,
        subject,
        `The key of event ${q(o.name)} changed from ${q(ok.name)} (${typeName(ok)}) to ${q(nk.name)} (${typeName(nk)})`,
        ALWAYS,
        { pointer: nk.pointer, oldPointer: ok.pointer },
        migration,
      );
    }
    if (!movedTopic && n.topic.partitions !== o.topic.partitions) {
      const lowered = n.topic.partitions < o.topic.partitions;
      push(
        lowered ? KINDS.partitionsLowered : KINDS.partitionsRaised,
        subject,
        `Topic ${q(n.topic.name)} of event ${q(o.name)} goes from ${o.topic.partitions} to ${n.topic.partitions} partitions`,
        lowered ? ALWAYS : NEVER,
        { pointer: n.topic.settingsPointer, oldPointer: o.topic.settingsPointer },
      );
    }
    for (const c of compareFields(o.payload, n.payload)) {
      push(c.kind, subject, `Field ${q(c.field)} of event ${q(o.name)} ${c.what}`, c.breaks, { pointer: c.pointer ?? n.payload.pointer, oldPointer: c.oldPointer }, migration);
    }
    const now = newConsumers.get(n.name) ?? new Set<string>();
    const was = new Set(readers);
    for (const who of now) if (!was.has(who)) push(KINDS.consumerAdded, subject, `${who} now consumes event ${q(n.name)}`, NEVER, at);
    for (const who of was) if (!now.has(who)) push(KINDS.consumerRemoved, subject, `${who} no longer consumes event ${q(n.name)}`, NEVER, at);
  }
  const renamed = new Set([...renamedTo.values()].map((e) => e.name));
  for (const n of after.events) {
    if (oldEvents.has(n.name) || renamed.has(n.name)) continue;
    const who = [...(newConsumers.get(n.name) ?? [])];
    const tail = who.length > 0 ? `, consumed by ${who.join(', ')}` : '';
    push(KINDS.eventAdded, { type: 'event', name: n.name }, `New event ${q(n.name)} on topic ${q(n.topic.name)}${tail}`, NEVER, { pointer: n.pointer, oldPointer: undefined });
  }

  const newCommands = new Map(after.commands.map((c) => [c.name, c]));
  const oldCommands = new Set(before.commands.map((c) => c.name));
  for (const o of before.commands) {
    const subject = { type: 'command', name: o.name } as const;
    const n = newCommands.get(o.name);
    if (!n) {
      const open = reachable(before, o);
      const why = open ? `; callers reach it${o.http ? ` at ${o.http.method} ${o.http.path}` : ''}` : '; only its own service sent it';
      push(KINDS.commandRemoved, subject, `Command ${q(o.name)} was removed${why}`, open ? ALWAYS : NEVER, {
        pointer: nearest(after, o.context.name, o.aggregate.name),
        oldPointer: o.pointer,
      });
      continue;
    }
    if (o.http && shapeOf(o) !== shapeOf(n)) {
      push(KINDS.routeChanged, subject, `The route of command ${q(o.name)} changed from ${routeText(o)} to ${routeText(n)}`, ALWAYS, {
        pointer: n.http?.pointer ?? n.pointer,
        oldPointer: o.http.pointer,
      });
    }
    for (const c of compareFields(o.payload, n.payload)) {
      push(c.kind, subject, `Field ${q(c.field)} of command ${q(o.name)} ${c.what}`, c.breaks, { pointer: c.pointer ?? n.payload.pointer, oldPointer: c.oldPointer });
    }
  }
  for (const n of after.commands) {
    if (oldCommands.has(n.name)) continue;
    push(KINDS.commandAdded, { type: 'command', name: n.name }, `New command ${q(n.name)}${n.http ? ` at ${n.http.method} ${n.http.path}` : ''}`, NEVER, {
      pointer: n.pointer,
      oldPointer: undefined,
    });
  }

  const rank: Record<Verdict, number> = { breaking: 0, migration: 1, compatible: 2 };
  changes.sort((a, b) => rank[a.verdict] - rank[b.verdict] || compareText(a.kind.code, b.kind.code) || compareText(a.message, b.message));
  const count = (v: Verdict) => changes.filter((c) => c.verdict === v).length;
  return { mode, changes, breaking: count('breaking'), migrations: count('migration'), compatible: count('compatible') };
}
