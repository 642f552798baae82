/**
 * Twists: small adversarial changes applied to an honest model. Each twist names its target by
 * an index (modulo the candidates the model has), so a twist survives the shrinking of the
 * model it applies to, and fast-check can drop twists one by one to find the one that matters.
 */
import fc from 'fast-check';
import { BROKEN_ROUTES, TRICKY_LABELS, hostileName } from './names.js';
import type { Json, JsonObject } from './settings.js';
import { hostileText } from './text.js';
import { NOUNS, VERBS, kebab, plural } from './words.js';

export type Twist =
  /** A free-text slot (title, description, actor, enum value, image reference…) gets `text`. */
  | { readonly kind: 'text'; readonly slot: number; readonly text: string }
  /** A name gets `name`: at its definition only, or everywhere it is referenced too. */
  | { readonly kind: 'rename'; readonly slot: number; readonly name: string; readonly everywhere: boolean }
  /** A DNS-label slot (platform, context, namespace, cluster) gets a label msa-gen or npm use. */
  | { readonly kind: 'label'; readonly slot: number; readonly label: string }
  /** Name `b` takes the name of `a`, everywhere: two elements of any kinds share one name. */
  | { readonly kind: 'clash'; readonly a: number; readonly b: number }
  /** A command and an event take one name that suits both (imperative first, participle last). */
  | { readonly kind: 'command-event'; readonly command: number; readonly event: number; readonly verb: number; readonly noun: number }
  /** A route becomes a broken template, or a copy of another route of the same service. */
  | { readonly kind: 'route'; readonly target: number; readonly template: number | 'copy'; readonly source: number }
  /** A context scales on consumer lag (KEDA), whether or not it consumes anything. */
  | { readonly kind: 'keda'; readonly context: number };

const index = () => fc.nat({ max: 1_000 });

export interface TwistOptions {
  /** Also draw multi-megabyte text (slow: fuzz runs only). */
  readonly huge?: boolean;
}

export const twist = (options: TwistOptions = {}): fc.Arbitrary<Twist> => {
  const texts = options.huge
    ? fc.oneof({ weight: 50, arbitrary: hostileText() }, { weight: 1, arbitrary: fc.integer({ min: 3, max: 4 }).map((mb) => 'x'.repeat(mb * 1024 * 1024)) })
    : hostileText();
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('text' as const), slot: index(), text: texts }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('rename' as const), slot: index(), name: hostileName(), everywhere: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('label' as const), slot: index(), label: fc.constantFrom(...TRICKY_LABELS) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('clash' as const), a: index(), b: index() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('command-event' as const), command: index(), event: index(), verb: index(), noun: index() }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('route' as const),
        target: index(),
        template: fc.oneof(fc.nat({ max: BROKEN_ROUTES.length - 1 }), fc.constant('copy' as const)),
        source: index(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('keda' as const), context: index() }) },
  );
};

// ---------------------------------------------------------------------------------------------
// Slots of a model

/** A place holding a string: a property of an object, an item of a list, or a mapping key. */
type Slot =
  | { readonly at: 'prop'; readonly obj: JsonObject; readonly key: string }
  | { readonly at: 'item'; readonly list: Json[]; readonly index: number }
  | { readonly at: 'mapKey'; readonly obj: JsonObject; readonly key: string };

const asObject = (v: Json | undefined): JsonObject | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
const asList = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
const objects = (v: Json | undefined): JsonObject[] =>
  asList(v).flatMap((x): JsonObject[] => {
    const o = asObject(x);
    return o ? [o] : [];
  });

function read(slot: Slot): string | undefined {
  const v = slot.at === 'item' ? slot.list[slot.index] : slot.at === 'prop' ? slot.obj[slot.key] : slot.key;
  return typeof v === 'string' ? v : undefined;
}

function write(slot: Slot, value: string): void {
  if (slot.at === 'item') slot.list[slot.index] = value;
  else if (slot.at === 'prop') slot.obj[slot.key] = value;
  else renameKey(slot.obj, slot.key, value);
}

/** Renames a mapping key in place, keeping the order of keys. */
function renameKey(obj: JsonObject, from: string, to: string): void {
  if (from === to || !(from in obj)) return;
  const entries = Object.entries(obj).map(([k, v]) => [k === from ? to : k, v] as const);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) obj[k] = v;
}

interface Parts {
  readonly platform: JsonObject;
  readonly contexts: JsonObject[];
  readonly aggregates: JsonObject[];
  readonly commands: { readonly json: JsonObject; readonly context: JsonObject; readonly aggregate: JsonObject }[];
  readonly events: JsonObject[];
  readonly readModels: { readonly json: JsonObject; readonly context: JsonObject }[];
  readonly externals: JsonObject[];
  readonly sagas: JsonObject[];
}

function parts(model: JsonObject): Parts {
  const platform = asObject(model['platform']) ?? {};
  const contexts = objects(model['contexts']);
  const aggregates = contexts.flatMap((c) => objects(c['aggregates']));
  const commands = contexts.flatMap((context) =>
    objects(context['aggregates']).flatMap((aggregate) => objects(aggregate['commands']).map((json) => ({ json, context, aggregate }))),
  );
  const events = aggregates.flatMap((a) => objects(a['events']));
  const readModels = contexts.flatMap((context) => objects(context['readModels']).map((json) => ({ json, context })));
  return { platform, contexts, aggregates, commands, events, readModels, externals: objects(model['externals']), sagas: objects(model['sagas']) };
}

/** Slots holding the name of an element (or a field), definitions only. */
function nameSlots(model: JsonObject): Slot[] {
  const p = parts(model);
  const slots: Slot[] = [];
  const prop = (obj: JsonObject | undefined, key: string) => {
    if (obj && typeof obj[key] === 'string') slots.push({ at: 'prop', obj, key });
  };
  prop(p.platform, 'name');
  prop(p.platform, 'namespace');
  prop(asObject(p.platform['kafka']), 'cluster');
  const qualifiers = asList(asObject(p.platform['naming'])?.['eventQualifiers']);
  qualifiers.forEach((_, index) => slots.push({ at: 'item', list: qualifiers, index }));
  for (const c of p.contexts) (['name', 'namespace', 'qualifier'] as const).forEach((k) => prop(c, k));
  for (const a of p.aggregates) {
    prop(a, 'name');
    const fields = asObject(a['fields']);
    if (fields) for (const key of Object.keys(fields)) slots.push({ at: 'mapKey', obj: fields, key });
  }
  for (const { json } of p.commands) prop(json, 'name');
  for (const e of p.events) {
    prop(e, 'name');
    prop(e, 'topic');
  }
  for (const c of p.contexts) for (const pol of objects(c['policies'])) prop(pol, 'name');
  for (const { json } of p.readModels) prop(json, 'name');
  for (const x of p.externals) {
    prop(x, 'name');
    const ops = asList(x['commands']);
    ops.forEach((_, index) => slots.push({ at: 'item', list: ops, index }));
  }
  for (const s of p.sagas) prop(s, 'name');
  return slots;
}

/**
 * Slots holding free text, present or not (writing one adds it). The image registry and tag
 * live in objects that may not exist yet: `image` holds them until a write attaches it.
 */
function textSlots(model: JsonObject): { slots: Slot[]; attach: () => void } {
  const p = parts(model);
  const slots: Slot[] = [];
  const prop = (obj: JsonObject, ...keys: string[]) => keys.forEach((key) => slots.push({ at: 'prop', obj, key }));
  prop(p.platform, 'title', 'description', 'eventTypePrefix');
  const deploy = asObject(p.platform['deploy']) ?? {};
  const image = asObject(deploy['image']) ?? {};
  prop(image, 'registry', 'tag');
  for (const c of p.contexts) prop(c, 'title', 'description');
  for (const a of p.aggregates) {
    prop(a, 'description');
    for (const f of Object.values(asObject(a['fields']) ?? {})) {
      const options = asObject(f);
      if (!options) continue;
      prop(options, 'description');
      const values = asList(options['values']);
      values.forEach((_, index) => slots.push({ at: 'item', list: values, index }));
    }
  }
  for (const { json } of p.commands) prop(json, 'description', 'actor');
  for (const e of p.events) prop(e, 'description');
  for (const { json } of p.readModels) {
    const status = asObject(json['status']);
    if (status) for (const key of Object.keys(status)) slots.push({ at: 'prop', obj: status, key });
  }
  for (const x of p.externals) prop(x, 'title', 'description', 'baseUrl');
  for (const s of p.sagas) prop(s, 'description');
  const attach = () => {
    if (Object.keys(image).length === 0) return;
    deploy['image'] = image;
    p.platform['deploy'] = deploy;
  };
  return { slots, attach };
}

/** Slots holding DNS labels. */
function labelSlots(model: JsonObject): Slot[] {
  const p = parts(model);
  const slots: Slot[] = [{ at: 'prop', obj: p.platform, key: 'name' }];
  for (const c of p.contexts) slots.push({ at: 'prop', obj: c, key: 'name' });
  for (const c of p.contexts) if (typeof c['namespace'] === 'string') slots.push({ at: 'prop', obj: c, key: 'namespace' });
  return slots;
}

/** Replaces `from` by `to` in every string and mapping key of the model. */
function replaceEverywhere(value: Json, from: string, to: string): Json {
  if (typeof value === 'string') return value === from ? to : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = replaceEverywhere(value[i]!, from, to);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) value[k] = replaceEverywhere(value[k]!, from, to);
    if (from in value) renameKey(value, from, to);
    return value;
  }
  return value;
}

const pickSlot = (slots: readonly Slot[], i: number): Slot | undefined => (slots.length === 0 ? undefined : slots[i % slots.length]);

/** Applies one twist in place; returns a one-line description of what it did, or undefined. */
export function applyTwist(model: JsonObject, t: Twist): string | undefined {
  switch (t.kind) {
    case 'text': {
      const { slots, attach } = textSlots(model);
      const slot = pickSlot(slots, t.slot);
      if (!slot) return undefined;
      write(slot, t.text);
      attach();
      return `text ${describe(slot)} := ${JSON.stringify(t.text.length > 60 ? `${t.text.slice(0, 60)}…(${t.text.length})` : t.text)}`;
    }
    case 'rename':
    case 'label': {
      const slot = pickSlot(t.kind === 'rename' ? nameSlots(model) : labelSlots(model), t.slot);
      const old = slot && read(slot);
      if (!slot || old === undefined) return undefined;
      const name = t.kind === 'rename' ? t.name : t.label;
      if (t.kind === 'label' || t.everywhere) replaceEverywhere(model, old, name);
      else write(slot, name);
      return `${t.kind} ${JSON.stringify(old)} := ${JSON.stringify(name)}${t.kind === 'rename' && !t.everywhere ? ' (definition only)' : ''}`;
    }
    case 'clash': {
      const slots = nameSlots(model);
      const a = pickSlot(slots, t.a);
      const b = pickSlot(slots, t.b);
      const an = a && read(a);
      const bn = b && read(b);
      if (an === undefined || bn === undefined || an === bn) return undefined;
      replaceEverywhere(model, bn, an);
      return `clash ${describe(b!)} ${JSON.stringify(bn)} := ${JSON.stringify(an)} (the name of ${describe(a!)})`;
    }
    case 'command-event': {
      const p = parts(model);
      if (p.commands.length === 0 || p.events.length === 0) return undefined;
      const command = p.commands[t.command % p.commands.length]!.json;
      const event = p.events[t.event % p.events.length]!;
      const [verb] = VERBS[t.verb % VERBS.length]!;
      const [, participle] = VERBS[(t.verb + 1) % VERBS.length]!;
      const name = `${verb}${NOUNS[t.noun % NOUNS.length]}${participle}`;
      const oldCommand = command['name'] as string;
      const oldEvent = event['name'] as string;
      replaceEverywhere(model, oldCommand, name);
      replaceEverywhere(model, oldEvent, name);
      return `command ${JSON.stringify(oldCommand)} and event ${JSON.stringify(oldEvent)} := ${JSON.stringify(name)}`;
    }
    case 'route': {
      const p = parts(model);
      const targets = [
        ...p.commands.map((c) => ({ json: c.json, context: c.context, aggregate: c.aggregate as JsonObject | undefined, lookup: false })),
        ...p.readModels.map((r) => ({ json: r.json, context: r.context, aggregate: undefined, lookup: true })),
      ];
      if (targets.length === 0) return undefined;
      const target = targets[t.target % targets.length]!;
      const before = target.json['http'];
      let route: string;
      if (t.template === 'copy') {
        const same = targets.filter((x) => x !== target && x.context === target.context && typeof x.json['http'] === 'string');
        if (same.length === 0) return undefined;
        route = same[t.source % same.length]!.json['http'] as string;
        if (target.lookup && !route.startsWith('GET ')) return undefined;
      } else {
        const collection = target.aggregate ? `/${plural(kebab(String(target.aggregate['name'])))}` : '/a';
        const param = routeParam(target.json, target.aggregate);
        route = BROKEN_ROUTES[t.template]!.replace('/a', collection).replaceAll('{id', `{${param}`).replaceAll('id}', `${param}}`);
        if (target.lookup) route = route.replace(/^[A-Z]+ /, 'GET ');
      }
      target.json['http'] = route;
      return `route of ${JSON.stringify(target.json['name'])}: ${JSON.stringify(before ?? null)} := ${JSON.stringify(route)}`;
    }
    case 'keda': {
      const p = parts(model);
      const context = p.contexts[t.context % p.contexts.length];
      if (!context) return undefined;
      context['deploy'] = { keda: { min: 6, max: 12 } };
      return `keda on context ${JSON.stringify(context['name'])}`;
    }
  }
}

/** A field the target's payload has, for route parameters: the read model's key, a listed field, or the aggregate key. */
function routeParam(json: JsonObject, aggregate: JsonObject | undefined): string {
  if (typeof json['key'] === 'string') return json['key'];
  const listed = asList(json['fields']).find((f): f is string => typeof f === 'string');
  if (listed) return listed;
  const fields = asObject(aggregate?.['fields']);
  return (fields && Object.keys(fields)[0]) ?? 'id';
}

function describe(slot: Slot): string {
  if (slot.at === 'item') return `list item ${slot.index}`;
  if (slot.at === 'mapKey') return `key ${JSON.stringify(slot.key)}`;
  const owner = typeof slot.obj['name'] === 'string' && slot.key !== 'name' ? ` of ${JSON.stringify(slot.obj['name'])}` : '';
  return `${slot.key}${owner}`;
}
