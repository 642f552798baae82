/**
 * Whole models drawn from the schema's grammar. A model is drawn in two layers:
 *
 *  1. a plan (`modelPlan`): the shape of the model, with every cross-reference an index
 *     (`on: 7` = the 7th event, modulo the events there are), so that fast-check can shrink any
 *     part without breaking the others;
 *  2. `renderModel`: the plan as an honest model, named from the vocabularies of words.ts and
 *     resolved so that it passes msa-gen's rules (references resolve, policies form no cycle,
 *     choreography steps follow policies, deploy and Kafka numbers agree). Honest models are
 *     what a careful author writes; they should validate clean.
 *
 * Adversarial changes (hostile names and text, broken routes, clashing names…) are twists
 * applied on top (twists.ts); `modelCase` combines both.
 */
import fc from 'fast-check';
import {
  BUILT_IN_DEPLOY,
  contextDeployPlan,
  deployDefaultsPlan,
  kafkaPlan,
  renderContextDeploy,
  renderDeployDefaults,
  renderRetry,
  renderTopic,
  retryPlan,
  topicDefaultsPlan,
  type ContextDeployPlan,
  type DeployDefaultsPlan,
  type DeployState,
  type Json,
  type JsonObject,
  type KafkaPlan,
  type RetryPlan,
  type TopicDefaultsPlan,
} from './settings.js';
import { prose } from './text.js';
import {
  ACTORS,
  CONTEXT_LABELS,
  ENUM_VALUES,
  EXTERNAL_SUFFIXES,
  FIELD_STEMS,
  NOUNS,
  PLATFORM_NAMES,
  QUALIFIERS,
  SAGA_SUFFIXES,
  VERBS,
  VIEW_SUFFIXES,
  kebab,
  lowerFirst,
  plural,
} from './words.js';

// ---------------------------------------------------------------------------------------------
// Plans

/** An index into a list known only at render time (taken modulo its length). */
const index = () => fc.nat({ max: 1_000 });
const indices = (maxLength: number) => fc.array(index(), { maxLength });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

export interface FieldPlan {
  readonly stem: number;
  readonly list: boolean;
  readonly optional: boolean;
  readonly pii: boolean;
  readonly description: string | undefined;
}

export interface EventPlan {
  readonly participle: number;
  readonly fields: 'list' | 'map' | 'none';
  readonly pick: readonly number[];
  readonly terminal: boolean;
  readonly failure: boolean;
  readonly version: number | undefined;
  readonly topic: boolean;
  readonly kafka: { readonly partitions: number } | TopicDefaultsPlan | undefined;
  readonly description: string | undefined;
}

export interface CommandPlan {
  readonly verb: number;
  readonly qualified: boolean;
  readonly actor: number | undefined;
  readonly http: { readonly method: number; readonly withKey: boolean } | undefined;
  readonly fields: 'default' | 'list';
  readonly pick: readonly number[];
  readonly emits: readonly number[];
  readonly description: string | undefined;
}

export interface AggregatePlan {
  readonly noun: number;
  readonly compound: number | undefined;
  readonly keyType: 'uuid' | 'string';
  readonly fields: readonly FieldPlan[];
  readonly commands: readonly CommandPlan[];
  readonly events: readonly EventPlan[];
  readonly description: string | undefined;
}

export interface PolicyPlan {
  readonly on: number;
  readonly then: number;
  readonly idempotency: boolean;
  readonly retry: RetryPlan | undefined;
  readonly dlq: boolean | undefined;
}

export interface ReadModelPlan {
  readonly anchor: number;
  readonly key: number;
  readonly from: readonly number[];
  readonly noun: number;
  readonly suffix: number;
  readonly store: 'cache' | 'database' | undefined;
  readonly http: boolean;
  readonly status: boolean;
}

export interface ContextPlan {
  readonly label: number;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly communication: 'sync' | 'async' | undefined;
  /** An isolated namespace (index into two), or the platform's. */
  readonly namespace: number | undefined;
  readonly qualifier: number | undefined;
  readonly port: number | undefined;
  readonly deploy: ContextDeployPlan | undefined;
  readonly aggregates: readonly AggregatePlan[];
  readonly policies: readonly PolicyPlan[];
  readonly readModels: readonly ReadModelPlan[];
}

export interface CallPlan {
  readonly from: number;
  readonly to: number;
  readonly command: number;
  readonly by: readonly number[] | undefined;
  readonly timeoutMs: number | undefined;
  readonly retry: RetryPlan | undefined;
  readonly breaker: readonly [number, number] | undefined;
}

export interface ExternalPlan {
  readonly noun: number;
  readonly suffix: number;
  readonly calledBy: readonly number[];
  readonly operations: readonly [number, number][];
  readonly title: string | undefined;
  readonly baseUrl: boolean;
}

export interface SagaPlan {
  readonly coordination: 'choreography' | 'orchestration';
  readonly start: number;
  readonly steps: readonly number[];
  readonly compensations: readonly number[];
  readonly noun: number;
  readonly suffix: number;
  readonly explicitOrchestrator: boolean;
  readonly description: string | undefined;
}

export interface PlatformPlan {
  readonly name: number;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly namespace: boolean;
  readonly prefix: boolean;
  readonly qualifiers: readonly number[];
  readonly kafka: KafkaPlan | undefined;
  readonly deploy: DeployDefaultsPlan | undefined;
  readonly image: { readonly registry: boolean; readonly tag: boolean } | undefined;
}

export interface ModelPlan {
  readonly platform: PlatformPlan;
  readonly contexts: readonly ContextPlan[];
  readonly calls: readonly CallPlan[];
  readonly externals: readonly ExternalPlan[];
  readonly sagas: readonly SagaPlan[];
}

const text = () => maybe(prose());

export const fieldPlan = (): fc.Arbitrary<FieldPlan> =>
  fc.record({ stem: index(), list: fc.boolean(), optional: fc.boolean(), pii: fc.boolean(), description: text() });

export const eventPlan = (): fc.Arbitrary<EventPlan> =>
  fc.record({
    participle: index(),
    fields: fc.constantFrom('list' as const, 'map' as const, 'none' as const),
    pick: indices(4),
    terminal: fc.boolean(),
    failure: fc.boolean(),
    version: maybe(fc.integer({ min: 1, max: 3 })),
    topic: fc.boolean(),
    kafka: maybe(fc.oneof(fc.record({ partitions: fc.integer({ min: 1, max: 24 }) }), topicDefaultsPlan())),
    description: text(),
  });

export const commandPlan = (): fc.Arbitrary<CommandPlan> =>
  fc.record({
    verb: index(),
    qualified: fc.boolean(),
    actor: maybe(index()),
    http: maybe(fc.record({ method: index(), withKey: fc.boolean() })),
    fields: fc.constantFrom('default' as const, 'list' as const),
    pick: indices(4),
    emits: indices(2),
    description: text(),
  });

export const aggregatePlan = (): fc.Arbitrary<AggregatePlan> =>
  fc.record({
    noun: index(),
    compound: maybe(index()),
    keyType: fc.constantFrom('uuid' as const, 'string' as const),
    fields: fc.array(fieldPlan(), { maxLength: 5 }),
    commands: fc.array(commandPlan(), { maxLength: 3 }),
    events: fc.array(eventPlan(), { maxLength: 3 }),
    description: text(),
  });

export const policyPlan = (): fc.Arbitrary<PolicyPlan> =>
  fc.record({ on: index(), then: index(), idempotency: fc.boolean(), retry: maybe(retryPlan()), dlq: maybe(fc.boolean()) });

export const readModelPlan = (): fc.Arbitrary<ReadModelPlan> =>
  fc.record({
    anchor: index(),
    key: index(),
    from: indices(3),
    noun: index(),
    suffix: index(),
    store: maybe(fc.constantFrom('cache' as const, 'database' as const)),
    http: fc.boolean(),
    status: fc.boolean(),
  });

export const contextPlan = (): fc.Arbitrary<ContextPlan> =>
  fc.record({
    label: index(),
    title: text(),
    description: text(),
    communication: maybe(fc.constantFrom('sync' as const, 'async' as const)),
    namespace: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat({ max: 1 }) }),
    qualifier: maybe(index()),
    port: maybe(fc.integer({ min: 1, max: 65_535 })),
    deploy: contextDeployPlan(),
    aggregates: fc.array(aggregatePlan(), { maxLength: 2 }),
    policies: fc.array(policyPlan(), { maxLength: 3 }),
    readModels: fc.array(readModelPlan(), { maxLength: 1 }),
  });

export const callPlan = (): fc.Arbitrary<CallPlan> =>
  fc.record({
    from: index(),
    to: index(),
    command: index(),
    by: maybe(indices(2)),
    timeoutMs: maybe(fc.integer({ min: 1, max: 10_000 })),
    retry: maybe(retryPlan()),
    breaker: maybe(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 60_000 }))),
  });

export const externalPlan = (): fc.Arbitrary<ExternalPlan> =>
  fc.record({
    noun: index(),
    suffix: index(),
    calledBy: indices(2),
    operations: fc.array(fc.tuple(index(), index()), { maxLength: 2 }),
    title: text(),
    baseUrl: fc.boolean(),
  });

export const sagaPlan = (): fc.Arbitrary<SagaPlan> =>
  fc.record({
    coordination: fc.constantFrom('choreography' as const, 'orchestration' as const),
    start: index(),
    steps: fc.array(index(), { minLength: 1, maxLength: 3 }),
    compensations: indices(3),
    noun: index(),
    suffix: index(),
    explicitOrchestrator: fc.boolean(),
    description: text(),
  });

export const platformPlan = (): fc.Arbitrary<PlatformPlan> =>
  fc.record({
    name: index(),
    title: text(),
    description: text(),
    namespace: fc.boolean(),
    prefix: fc.boolean(),
    qualifiers: indices(3),
    kafka: kafkaPlan(),
    deploy: maybe(deployDefaultsPlan()),
    image: maybe(fc.record({ registry: fc.boolean(), tag: fc.boolean() })),
  });

export const modelPlan = (): fc.Arbitrary<ModelPlan> =>
  fc.record({
    platform: platformPlan(),
    contexts: fc.array(contextPlan(), { minLength: 1, maxLength: 4 }),
    calls: fc.array(callPlan(), { maxLength: 2 }),
    externals: fc.array(externalPlan(), { maxLength: 2 }),
    sagas: fc.array(sagaPlan(), { maxLength: 2 }),
  });

// ---------------------------------------------------------------------------------------------
// Rendering

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const METHODS = ['POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'GET'] as const;
const NON_FILE = FIELD_STEMS.filter(([, type]) => type !== 'binary' && type !== 'file');

const NOT_TEXT = new Set(['int', 'number', 'money', 'boolean']);

/** Whether an aggregate field (as rendered) arrives from a URL as what it is: text, not a list. */
function isTextField(field: Json | undefined): boolean {
  if (typeof field === 'string') return !NOT_TEXT.has(field);
  if (field === undefined || field === null || typeof field !== 'object' || Array.isArray(field)) return false;
  return typeof field['type'] === 'string' && !NOT_TEXT.has(field['type']) && field['list'] !== true;
}

/** What rendering knows of an element, beyond the JSON it writes. */
interface EventInfo {
  readonly name: string;
  readonly context: number;
  readonly fields: readonly string[];
  readonly json: JsonObject;
  readonly emitters: number[];
}

interface CommandInfo {
  readonly name: string;
  readonly context: number;
  readonly index: number;
  readonly http: boolean;
  readonly emits: readonly EventInfo[];
  readonly json: JsonObject;
}

/** Unique names, compared without letter case (MSA107 compares them that way). */
class NameSet {
  private readonly seen = new Set<string>();
  has(name: string): boolean {
    return this.seen.has(name.toLowerCase());
  }
  add(name: string): void {
    this.seen.add(name.toLowerCase());
  }
  /** The first of `candidates` not taken yet (and takes it), or undefined. */
  take(candidates: readonly string[]): string | undefined {
    const free = candidates.find((c) => !this.has(c));
    if (free !== undefined) this.add(free);
    return free;
  }
}

/** Name candidates: the name itself, then with a disambiguating noun after the qualifier. */
function variants(qualifier: string, rest: string): string[] {
  return [`${qualifier}${rest}`, ...NOUNS.map((n) => `${qualifier}${n}${rest}`)];
}

export function renderModel(plan: ModelPlan): JsonObject {
  const p = plan.platform;
  const platformName = pick(PLATFORM_NAMES, p.name);
  const qualifiers = [...new Set(p.qualifiers.map((q) => pick(QUALIFIERS, q)))];

  const platform: JsonObject = { name: platformName };
  if (p.title !== undefined) platform['title'] = p.title;
  if (p.description !== undefined) platform['description'] = p.description;
  if (p.namespace) platform['namespace'] = `${platformName}-ns`;
  if (p.prefix) platform['eventTypePrefix'] = `gov.example.${platformName}`;
  if (qualifiers.length > 0) platform['naming'] = { eventQualifiers: qualifiers };

  let deployState: DeployState = BUILT_IN_DEPLOY;
  const deploy: JsonObject = {};
  if (p.deploy) {
    const d = renderDeployDefaults(p.deploy);
    deploy['defaults'] = d.block;
    deployState = d.state;
  }
  if (p.image) {
    const image: JsonObject = {};
    if (p.image.registry) image['registry'] = `registry.example.gov/${platformName}`;
    if (p.image.tag) image['tag'] = '1.4.0';
    deploy['image'] = image;
  }
  if (Object.keys(deploy).length > 0) platform['deploy'] = deploy;

  const global = new NameSet(); // events, commands, externals, sagas, external operations
  const contextNames = new NameSet();
  const events: EventInfo[] = [];
  const commands: CommandInfo[] = [];
  const contexts: JsonObject[] = [];
  const contextFiles: NameSet[] = [];
  const isolation: (number | undefined)[] = [];
  const sync: boolean[] = [];

  // Contexts with their aggregates, commands and events.
  plan.contexts.forEach((cp, ci) => {
    const base = pick(CONTEXT_LABELS, cp.label);
    const name = contextNames.take([base, ...[2, 3, 4, 5, 6].map((n) => `${base}-${n}`)])!;
    const context: JsonObject = { name };
    if (cp.title !== undefined) context['title'] = cp.title;
    if (cp.description !== undefined) context['description'] = cp.description;
    if (cp.communication !== undefined) context['communication'] = cp.communication;
    if (cp.namespace !== undefined) context['namespace'] = `${platformName}-${['building', 'car'][cp.namespace]}`;
    const qualifier = cp.qualifier !== undefined && qualifiers.length > 0 ? pick(qualifiers, cp.qualifier) : undefined;
    if (qualifier !== undefined) context['qualifier'] = qualifier;
    if (cp.port !== undefined) context['port'] = cp.port;
    contexts.push(context);
    isolation.push(cp.namespace);
    sync.push(cp.communication === 'sync');
    const files = new NameSet();
    contextFiles.push(files);

    const aggregates: JsonObject[] = [];
    for (const ap of cp.aggregates) {
      const noun = pick(NOUNS, ap.noun);
      const aggName = files.take(
        ap.compound !== undefined ? [`${pick(NOUNS, ap.compound)}${noun}`, noun, ...NOUNS.map((n) => `${n}${noun}`)] : [noun, ...NOUNS.map((n) => `${n}${noun}`)],
      );
      if (aggName === undefined) continue;
      const keyName = `${lowerFirst(noun)}Id`;
      const fields: JsonObject = { [keyName]: { type: ap.keyType, key: true } };
      const fieldTypes = new Map<string, string>([[keyName, ap.keyType]]);
      for (const fp of ap.fields) {
        const [fname, ftype] = pick(FIELD_STEMS, fp.stem);
        if (fieldTypes.has(fname)) continue;
        fieldTypes.set(fname, ftype);
        const options: JsonObject = {};
        if (ftype === 'enum') options['values'] = [...new Set([pick(ENUM_VALUES, fp.stem), pick(ENUM_VALUES, fp.stem + 3)])];
        if (fp.list) options['list'] = true;
        if (fp.optional) options['optional'] = true;
        if (fp.pii && ftype === 'string') options['pii'] = true;
        if (fp.description !== undefined) options['description'] = fp.description;
        fields[fname] = Object.keys(options).length === 0 ? ftype : { type: ftype, ...options };
      }
      const fieldNames = [...fieldTypes.keys()];
      const eventFieldNames = fieldNames.filter((f) => fieldTypes.get(f) !== 'binary' && fieldTypes.get(f) !== 'file');

      const aggregate: JsonObject = { name: aggName };
      if (ap.description !== undefined) aggregate['description'] = ap.description;
      aggregate['fields'] = fields;

      const ownEvents: EventInfo[] = [];
      const eventJson: JsonObject[] = [];
      for (const ep of ap.events) {
        const [, participle] = pick(VERBS, ep.participle);
        const evName = global.take(variants(qualifier ?? '', `${aggName}${participle}`));
        if (evName === undefined || files.has(evName)) continue;
        files.add(evName);
        const json: JsonObject = { name: evName };
        if (ep.description !== undefined) json['description'] = ep.description;
        let payload: string[] = [];
        if (ep.fields === 'list') {
          payload = [...new Set([keyName, ...ep.pick.map((i) => pick(eventFieldNames, i))])];
          json['fields'] = payload;
        } else if (ep.fields === 'map') {
          const own: JsonObject = { [keyName]: ap.keyType };
          for (const i of ep.pick) {
            const [fname, ftype] = pick(NON_FILE, i);
            own[fname] = ftype === 'enum' ? { type: 'enum', values: ['Open', 'Closed'] } : ftype;
          }
          payload = Object.keys(own);
          json['fields'] = own;
        }
        if (ep.version !== undefined) json['version'] = ep.version;
        if (ep.terminal) json['terminal'] = true;
        if (ep.failure) json['failure'] = true;
        if (ep.topic) json['topic'] = `${platformName}.${kebab(evName)}`;
        if (ep.kafka) json['kafka'] = 'replicas' in ep.kafka ? renderTopic(ep.kafka) : { partitions: ep.kafka.partitions };
        const info: EventInfo = { name: evName, context: ci, fields: payload, json, emitters: [] };
        ownEvents.push(info);
        events.push(info);
        eventJson.push(json);
      }

      const commandJson: JsonObject[] = [];
      for (const cmd of ap.commands) {
        const [verb] = pick(VERBS, cmd.verb);
        const middle = cmd.qualified && qualifier !== undefined ? qualifier : '';
        const cmdName = global.take(variants(verb, `${middle}${aggName}`));
        if (cmdName === undefined || files.has(cmdName)) continue;
        files.add(cmdName);
        const json: JsonObject = { name: cmdName };
        if (cmd.description !== undefined) json['description'] = cmd.description;
        if (cmd.actor !== undefined) json['actor'] = pick(ACTORS, cmd.actor);
        const emits = ownEvents.length === 0 ? [] : [...new Set(cmd.emits.map((i) => pick(ownEvents, i)))];
        let payload: string[];
        if (cmd.fields === 'list') {
          payload = [...new Set(cmd.pick.map((i) => pick(fieldNames, i)))];
          json['fields'] = payload;
        } else payload = [...new Set(emits.flatMap((e) => e.fields))];
        if (cmd.http) {
          // A URL carries text only (MSA408): GET and DELETE take no number, boolean or list
          // field, and a path parameter is a text field.
          const wanted = pick(METHODS, cmd.http.method);
          const queryOnly = wanted === 'GET' || wanted === 'DELETE';
          const method = queryOnly && !payload.every((f) => isTextField(fields[f])) ? 'POST' : wanted;
          const param = cmd.http.withKey && payload.includes(keyName) && isTextField(fields[keyName]) ? `/{${keyName}}` : '';
          json['http'] = `${method} /${plural(kebab(aggName))}${param}/${kebab(cmdName)}`;
        }
        if (emits.length > 0) json['emits'] = emits.map((e) => e.name);
        const info: CommandInfo = { name: cmdName, context: ci, index: commands.length, http: cmd.http !== undefined, emits, json };
        for (const e of emits) e.emitters.push(info.index);
        commands.push(info);
        commandJson.push(json);
      }
      if (commandJson.length > 0) aggregate['commands'] = commandJson;
      if (eventJson.length > 0) aggregate['events'] = eventJson;
      aggregates.push(aggregate);
    }
    if (aggregates.length > 0) context['aggregates'] = aggregates;
  });

  // Policies: acyclic, because a policy's command always comes after every emitter of its event.
  const policyEdges: { on: EventInfo; then: CommandInfo }[] = [];
  plan.contexts.forEach((cp, ci) => {
    const policies: JsonObject[] = [];
    const files = contextFiles[ci]!;
    for (const pp of cp.policies) {
      const candidatesOn = sync[ci] ? events.filter((e) => e.context === ci) : events;
      if (candidatesOn.length === 0) continue;
      const on = pick(candidatesOn, pp.on);
      const after = Math.max(-1, ...on.emitters);
      // One policy per command: two could issue it twice in one flow (MSA308).
      const thenCandidates = commands.filter((c) => c.context === ci && c.index > after && !policyEdges.some((e) => e.then === c));
      if (thenCandidates.length === 0) continue;
      const then = pick(thenCandidates, pp.then);
      const name = files.take([`${then.name}When${on.name.replace(/^(General|Car|Building|Major|Online)/, '')}`, `${then.name}When${on.name}`]);
      if (name === undefined || name.length > 100) continue;
      const json: JsonObject = { name, on: on.name, then: then.name };
      if (pp.idempotency && on.fields.length > 0) json['idempotencyKey'] = pick(on.fields, pp.on);
      if (pp.retry) json['retry'] = renderRetry(pp.retry);
      if (pp.dlq !== undefined) json['dlq'] = pp.dlq;
      policies.push(json);
      policyEdges.push({ on, then });
    }
    if (policies.length > 0) contexts[ci]!['policies'] = policies;
  });

  // Read models (async contexts only: a sync context reacts to no other context's events).
  plan.contexts.forEach((cp, ci) => {
    const readModels: JsonObject[] = [];
    const files = contextFiles[ci]!;
    for (const rp of cp.readModels) {
      if (sync[ci]) continue;
      const withFields = events.filter((e) => e.fields.length > 0);
      if (withFields.length === 0) continue;
      const anchor = pick(withFields, rp.anchor);
      const key = pick(anchor.fields, rp.key);
      const sharing = withFields.filter((e) => e !== anchor && e.fields.includes(key));
      const from = [anchor, ...new Set(sharing.length === 0 ? [] : rp.from.map((i) => pick(sharing, i)))];
      const name = files.take([`${pick(NOUNS, rp.noun)}${pick(VIEW_SUFFIXES, rp.suffix)}`, ...VIEW_SUFFIXES.map((s) => `${pick(NOUNS, rp.noun)}${s}`)]);
      if (name === undefined) continue;
      const json: JsonObject = { name, key, from: from.map((e) => e.name) };
      if (rp.store !== undefined) json['store'] = rp.store;
      if (rp.http) json['http'] = `GET /${plural(kebab(name))}/by-${kebab(key)}/{${key}}`;
      if (rp.status) json['status'] = Object.fromEntries(from.map((e, i) => [e.name, pick(ENUM_VALUES, i + rp.key)]));
      readModels.push(json);
    }
    if (readModels.length > 0) contexts[ci]!['readModels'] = readModels;
  });

  // Deploy: KEDA only where the context consumes events (policies or read models).
  plan.contexts.forEach((cp, ci) => {
    if (!cp.deploy) return;
    const c = contexts[ci]!;
    const consumes = c['policies'] !== undefined || c['readModels'] !== undefined;
    c['deploy'] = renderContextDeploy(cp.deploy, deployState, consumes && !sync[ci]);
  });

  const model: JsonObject = { version: 1, platform, contexts };

  // Externals.
  const externals: JsonObject[] = [];
  for (const xp of plan.externals) {
    const name = global.take([`${pick(NOUNS, xp.noun)}${pick(EXTERNAL_SUFFIXES, xp.suffix)}`, ...EXTERNAL_SUFFIXES.map((s) => `${pick(NOUNS, xp.noun)}${s}`)]);
    if (name === undefined) continue;
    const json: JsonObject = { name };
    if (xp.title !== undefined) json['title'] = xp.title;
    const calledBy = [...new Set(xp.calledBy.map((i) => pick(contexts, i)['name'] as string))];
    if (calledBy.length > 0) json['calledBy'] = calledBy;
    const ops = xp.operations.flatMap(([v, n]) => global.take([`${pick(VERBS, v)[0]}${pick(NOUNS, n)}Record`, `${pick(VERBS, v)[0]}${pick(NOUNS, n)}Entry`]) ?? []);
    if (ops.length > 0) json['commands'] = ops;
    if (xp.baseUrl) json['baseUrl'] = `https://${kebab(name)}.example.gov/api`;
    externals.push(json);
  }
  if (externals.length > 0) model['externals'] = externals;

  // Calls: to a routed command of another context in the same namespace.
  const calls: JsonObject[] = [];
  const callKeys = new Set<string>();
  for (const cp of plan.calls) {
    const from = cp.from % contexts.length;
    const targets = commands.filter((c) => c.http && c.context !== from && isolation[c.context] === isolation[from]);
    if (targets.length === 0) continue;
    const command = pick(targets, cp.command);
    const key = `${from}→${command.name}`;
    if (callKeys.has(key)) continue;
    callKeys.add(key);
    const json: JsonObject = { from: contexts[from]!['name'] as string, to: contexts[command.context]!['name'] as string, command: command.name };
    const own = commands.filter((c) => c.context === from);
    if (cp.by && own.length > 0 && cp.by.length > 0) json['by'] = [...new Set(cp.by.map((i) => pick(own, i).name))];
    if (cp.timeoutMs !== undefined) json['timeoutMs'] = cp.timeoutMs;
    if (cp.retry) json['retry'] = renderRetry(cp.retry);
    if (cp.breaker) json['circuitBreaker'] = { consecutiveFailures: cp.breaker[0], halfOpenAfterMs: cp.breaker[1] };
    calls.push(json);
  }
  if (calls.length > 0) model['calls'] = calls;

  // Sagas.
  const sagas: JsonObject[] = [];
  for (const sp of plan.sagas) {
    if (commands.length < 2) continue;
    // An orchestrator sends its steps after the first and its compensations: none of them is a
    // policy's command too, which would issue it a second time (MSA308).
    const issued = new Set(policyEdges.map((e) => e.then));
    const steps = sp.coordination === 'choreography' ? choreography(sp, commands, policyEdges) : orchestration(sp, commands, isolation, issued);
    if (steps === undefined || steps.length < 2) continue;
    const stepJson: JsonObject[] = [];
    let ok = true;
    steps.forEach((step, i) => {
      const json: JsonObject = { command: step.name };
      if (i < steps.length - 1) {
        const orchestrator = steps[0]!.context;
        const options = commands.filter(
          (c) =>
            c.context === step.context &&
            c !== step &&
            (sp.coordination === 'choreography' || ((c.context === orchestrator || c.http) && !issued.has(c))),
        );
        if (options.length === 0) ok = false;
        else json['compensation'] = pick(options, sp.compensations[i] ?? 0).name;
      }
      stepJson.push(json);
    });
    if (!ok) continue;
    const name = global.take([`${pick(NOUNS, sp.noun)}${pick(SAGA_SUFFIXES, sp.suffix)}`, ...SAGA_SUFFIXES.map((s) => `${pick(NOUNS, sp.noun)}${s}`)]);
    if (name === undefined) continue;
    const json: JsonObject = { name, coordination: sp.coordination };
    if (sp.description !== undefined) json['description'] = sp.description;
    if (sp.coordination === 'orchestration' && sp.explicitOrchestrator) json['orchestrator'] = contexts[steps[0]!.context]!['name'] as string;
    json['steps'] = stepJson;
    sagas.push(json);
  }
  if (sagas.length > 0) model['sagas'] = sagas;

  // Kafka settings last: DLQ partitions must cover every topic.
  if (p.kafka) {
    const k = p.kafka;
    const kafka: JsonObject = {};
    if (k.cluster) kafka['cluster'] = `${platformName}-kafka`;
    if (k.defaults) kafka['defaults'] = renderTopic(k.defaults);
    if (k.retry) kafka['retry'] = renderRetry(k.retry);
    const dlq: JsonObject = {};
    if (k.dlqSuffix !== undefined) dlq['suffix'] = k.dlqSuffix;
    if (k.dlqRetentionMs !== undefined) dlq['retentionMs'] = k.dlqRetentionMs;
    if (k.dlqPartitions) {
      const base = k.defaults?.partitions ?? 3;
      dlq['partitions'] = Math.max(base, ...events.map((e) => ((e.json['kafka'] as JsonObject | undefined)?.['partitions'] as number | undefined) ?? base));
    }
    if (Object.keys(dlq).length > 0) kafka['dlq'] = dlq;
    platform['kafka'] = kafka;
  }
  return model;
}

/** A chain of commands linked by policies: each step issued by a policy on an event of the previous one. */
function choreography(sp: SagaPlan, commands: readonly CommandInfo[], edges: readonly { on: EventInfo; then: CommandInfo }[]): CommandInfo[] | undefined {
  const next = (c: CommandInfo) => edges.filter((e) => c.emits.includes(e.on)).map((e) => e.then);
  const starts = commands.filter((c) => next(c).length > 0);
  if (starts.length === 0) return undefined;
  const chain = [pick(starts, sp.start)];
  for (const s of sp.steps) {
    const options = next(chain[chain.length - 1]!).filter((c) => !chain.includes(c));
    if (options.length === 0) break;
    chain.push(pick(options, s));
  }
  return chain;
}

/** Steps the orchestrator (the first step's context) can reach: its own commands, or routed ones. */
function orchestration(
  sp: SagaPlan,
  commands: readonly CommandInfo[],
  isolation: readonly (number | undefined)[],
  issued: ReadonlySet<CommandInfo>,
): CommandInfo[] {
  const first = pick(commands, sp.start);
  const chain = [first];
  for (const s of sp.steps) {
    const options = commands.filter(
      (c) =>
        !chain.includes(c) && !issued.has(c) && (c.context === first.context || (c.http && isolation[c.context] === isolation[first.context])),
    );
    if (options.length === 0) break;
    chain.push(pick(options, s));
  }
  return chain;
}
