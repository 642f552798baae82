/**
 * One service per bounded context: `services/<context>/`.
 *
 * Generated (rewritten on every run): package.json, tsconfig.json, Dockerfile and everything
 * under src/generated/ — event and command types with their JSON schemas, topics, typed clients,
 * handler contracts with working defaults, policies, projections, saga wiring, routes, and the
 * ServiceModule the runtime starts.
 * User-owned (written once, then only merged into): src/domain/<Aggregate>.ts (command
 * handlers), src/policies/<Policy>.ts, src/main.ts and test/<context>.test.ts.
 */
import { kebabCase } from '../model/case.js';
import { dockerComment, dockerWord } from './emit/dockerfile.js';
import { jsonText } from './emit/json.js';
import type { Aggregate, Command, Context, Event, Field, Model, Policy, ReadModel } from '../model/valid.js';
import { objectSchema, placeholder, reader, readersOf, tsType, type PlaceholderScope } from './field-types.js';
import {
  clientMember,
  clientMethod,
  commandTypeName,
  eventTypeName,
  defaultsVariable,
  handlersType,
  handlersVariable,
  policyType,
  policyVariable,
  runtimePackage,
  serviceDir,
  servicePackage,
  stateFunction,
  stateType,
} from './names.js';
import { renderTemplate } from './render.js';
import { databaseSchema } from './runtime-names.js';
import {
  aggregateKey,
  aggregateTable,
  callTargets,
  commandFields,
  commandRoute,
  compensations,
  contextCommands,
  createdByPolicy,
  eventsOfCommand,
  generatesKey,
  orchestrations,
  callsMadeBy,
  piiFields,
  platformRetry,
  policyMode,
  readModelTable,
  serviceEvents,
  successEvent,
  type CallTargetPlan,
  type CompensationPlan,
} from './service-plan.js';
import { serviceTestFile } from './starter-tests.js';
import { projectionConsumerGroup, policyConsumerGroup } from './topic-plan.js';
import { article, blocks, code, declaration, docComment, fit, Imports, indent, PRINT_WIDTH, quote, render, signature, templateText, wrap } from './ts-code.js';
import { generatedFile, userFile, type GeneratedFile, type GenerateRequest } from './types.js';
import { NODE_ENGINE, NODE_IMAGE, WORKSPACE_VERSION } from './versions.js';

/** Templates this generator reads (paths relative to templates/). */
export const SERVICE_TEMPLATES = { dockerfile: 'service/Dockerfile.hbs' } as const;

const JSON_IMPORT = "with { type: 'json' }";

interface Scope {
  readonly model: Model;
  readonly context: Context;
  /** `@<platform>/runtime`. */
  readonly runtime: string;
  readonly events: readonly Event[];
  readonly targets: readonly CallTargetPlan[];
  readonly compensations: readonly CompensationPlan[];
}

function retryLiteral(retry: { maxAttempts: number; backoffMs: number; multiplier: number; maxBackoffMs: number }) {
  return { maxAttempts: retry.maxAttempts, backoffMs: retry.backoffMs, multiplier: retry.multiplier, maxBackoffMs: retry.maxBackoffMs };
}

/** Type members of an object type, one a line, with doc comments for described or personal fields. */
function typeMembers(fields: readonly Field[], level = 2): string {
  return fields
    .map((f) => {
      const notes = [f.description, f.pii ? 'Personal data: masked in logs.' : undefined].filter((n): n is string => !!n);
      const doc = notes.length > 0 ? `${docComment(notes.join(' '), level)}\n` : '';
      return `${doc}${' '.repeat(level)}${f.name}${f.optional ? '?' : ''}: ${tsType(f)};`;
    })
    .join('\n');
}

function objectType(name: string, fields: readonly Field[], doc: string | readonly string[]): string {
  const body = fields.length === 0 ? `export type ${name} = Record<string, never>;` : `export type ${name} = {\n${typeMembers(fields)}\n};`;
  return `${docComment(doc)}\n${body}`;
}

/** `{ a: reader(source.a) ?? placeholder, … }` for `fields`; optional fields get no placeholder. */
function pickFields(
  fields: readonly Field[],
  source: string,
  scope: PlaceholderScope,
  key: { readonly field: Field; readonly expr: string } | undefined,
  level: number,
  readers: Set<string>,
): string {
  if (fields.length === 0) return '{}';
  const members = fields.map((f) => {
    if (key && f.name === key.field.name && f.type === key.field.type && f.list === key.field.list) return `${f.name}: ${key.expr},`;
    for (const r of readersOf(f)) readers.add(r);
    const read = reader(f, `${source}.${f.name}`);
    return fit(`${f.name}:`, f.optional ? `${read},` : `${read} ?? ${placeholder(f, scope)},`, level + 2);
  });
  const pad = ' '.repeat(level + 2);
  return `{\n${members.map((m) => pad + m).join('\n')}\n${' '.repeat(level)}}`;
}

function urnOf(model: Model, aggregate: Aggregate, keyExpr: string): string {
  return `urn:${templateText(model.platform.name)}:${kebabCase(aggregate.name)}:\${${keyExpr}}`;
}

// ---------------------------------------------------------------------------------------------
// src/generated/fields.ts

function fieldsModule(): string {
  return `/**
 * Readers for untyped data (a command, an event, a stored state): each returns the value when it
 * has the field's type (and JSON Schema format), undefined otherwise. The default handlers,
 * policies and compensations pick fields by name with them, whatever produced the data.
 */

/** Data read field by field. */
export type Source = Readonly<Record<string, unknown>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\\d{4}-\\d{2}-\\d{2}$/;
const DATE_TIME = /^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:?\\d{2})$/;
const EMAIL = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/;
const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s]*$/;

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function matching(value: unknown, pattern: RegExp): string | undefined {
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}

export function asUuid(value: unknown): string | undefined {
  return matching(value, UUID);
}

export function asDate(value: unknown): string | undefined {
  return matching(value, DATE);
}

export function asDateTime(value: unknown): string | undefined {
  return matching(value, DATE_TIME);
}

export function asEmail(value: unknown): string | undefined {
  return matching(value, EMAIL);
}

export function asUrl(value: unknown): string | undefined {
  return matching(value, URI);
}

export function asInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function asEnum<const T extends string>(value: unknown, values: readonly T[]): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A list whose every item \`item\` accepts; undefined otherwise. */
export function listOf<T>(value: unknown, item: (value: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list: T[] = [];
  for (const v of value) {
    const read = item(v);
    if (read === undefined) return undefined;
    list.push(read);
  }
  return list;
}
`;
}

// ---------------------------------------------------------------------------------------------
// Schemas, events, commands, topics

export function eventSchemaId(model: Model, event: Event): string {
  return `urn:${model.platform.name}:event:${event.name}:v${event.version}`;
}

export function commandSchemaId(model: Model, command: Command): string {
  return `urn:${model.platform.name}:command:${command.context.name}:${command.name}`;
}

export function eventSchema(model: Model, event: Event): Record<string, unknown> {
  return objectSchema(eventSchemaId(model, event), event.name, event.description, event.payload.fields);
}

export function commandSchema(model: Model, command: Command): Record<string, unknown> {
  return objectSchema(commandSchemaId(model, command), command.name, command.description, commandFields(command));
}

function eventDoc(event: Event): string[] {
  const head = `${event.name}: ${event.failure ? 'a failure event' : 'an event'} of ${event.aggregate.name} in ${event.context.name} (CloudEvents type ${event.type}).`;
  return event.description ? [...wrap(head), ...wrap(event.description)] : wrap(head);
}

function eventsModule(s: Scope): string {
  const imports = new Imports().type(s.runtime, 'EventDef').value('./topics.ts', 'dlqTopics', 'topics');
  for (const e of s.events) imports.default(`./schemas/${e.name}.schema.json`, `${e.name}Schema`, JSON_IMPORT);
  const types = s.events.map((e) => objectType(eventTypeName(e), e.payload.fields, eventDoc(e)));
  const defs: Record<string, unknown> = {};
  for (const e of s.events) {
    defs[e.name] = {
      name: e.name,
      type: e.type,
      topic: code(`topics.${e.name}`),
      dlqTopic: code(`dlqTopics.${e.name}`),
      key: aggregateKey(e.aggregate).name,
      stage: `${e.context.name}.${e.name}`,
      failure: e.failure,
      schema: code(`${e.name}Schema`),
    };
  }
  return blocks(
    docComment([`Events the ${s.context.name} service emits or consumes: their data types and definitions.`]),
    imports.toString(),
    ...types,
    `${docComment('Definitions of these events: CloudEvents type, topics, key field, processing stage, JSON schema.')}\n${declaration('export const eventDefs = ', defs, ' satisfies Readonly<Record<string, EventDef>>;')}`,
  );
}

function commandDoc(model: Model, command: Command): string[] {
  const route = commandRoute(command, model);
  const parts = [`${command.name}: a command of ${command.aggregate.name}`];
  if (route) parts.push(` (${route.method} ${route.path})`);
  const doc = wrap(`${parts.join('')}.`);
  return command.description ? [...doc, ...wrap(command.description)] : doc;
}

function commandsModule(s: Scope): string {
  const commands = contextCommands(s.context);
  const imports = new Imports().type(s.runtime, 'CommandDef');
  for (const c of commands) imports.default(`./schemas/${c.name}.schema.json`, `${c.name}Schema`, JSON_IMPORT);
  const types = commands.map((c) => objectType(commandTypeName(c), commandFields(c), commandDoc(s.model, c)));
  const defs: Record<string, unknown> = {};
  for (const c of commands) {
    defs[c.name] = {
      name: c.name,
      aggregate: c.aggregate.name,
      key: aggregateKey(c.aggregate).name,
      generateKey: generatesKey(c) ? true : undefined,
      emits: c.emits.map((e) => e.name),
      schema: code(`${c.name}Schema`),
    };
  }
  return blocks(
    docComment([`Commands of the ${s.context.name} service: their input types and definitions.`]),
    imports.toString(),
    ...types,
    `${docComment('Definitions of these commands: aggregate, key field, events it may emit, JSON schema of its input.')}\n${declaration('export const commandDefs = ', defs, ' satisfies Readonly<Record<string, CommandDef>>;')}`,
  );
}

function topicsModule(s: Scope): string {
  const topics: Record<string, string> = {};
  const dlq: Record<string, string> = {};
  for (const e of s.events) {
    topics[e.name] = e.topic.name;
    dlq[e.name] = e.dlq.name;
  }
  return blocks(
    docComment(`Kafka topics of the events the ${s.context.name} service emits or consumes, by event.`),
    `${declaration('export const topics = ', topics, ' as const;')}`,
    `${docComment([
      'Their dead-letter topics: where a consumer puts a record it still fails on after its retries,',
      'for an operator to replay (POST /admin/dlq/:recordId/replay).',
    ])}\n${declaration('export const dlqTopics = ', dlq, ' as const;')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// src/generated/clients.ts

function clientsModule(s: Scope): string {
  const imports = new Imports().type(s.runtime, 'CallTarget', 'ServiceClient');
  const targets = s.targets.map((t) => ({
    service: t.service.name,
    urlEnv: t.urlEnv,
    defaultUrl: t.defaultUrl,
    timeoutMs: t.timeoutMs,
    retry: { maxAttempts: t.retry.maxAttempts, backoffMs: t.retry.backoffMs, maxBackoffMs: t.retry.maxBackoffMs },
    circuitBreaker: { consecutiveFailures: t.circuitBreaker.consecutiveFailures, halfOpenAfterMs: t.circuitBreaker.halfOpenAfterMs },
  }));
  const called = s.targets.filter((t) => t.commands.length > 0);
  const header = docComment(
    `The services ${s.context.name} reaches over HTTP${called.length > 0 ? " (the model's `calls`)" : ''}, with timeout, retries and a circuit breaker each; the base URL of each comes from its environment variable, else its Kubernetes Service.`,
  );
  const targetsBlock = `${docComment('Called services: environment variable of the base URL, default URL, timeout, retries, circuit breaker.')}\n${declaration('export const callTargets: readonly CallTarget[] = ', targets, ';')}`;
  if (called.length === 0) {
    return blocks(
      header,
      imports.toString(),
      targetsBlock,
      `${docComment('Typed clients of the called commands (this service calls none).')}\nexport type Clients = Record<string, never>;`,
      `export function createClients(_clients: Readonly<Record<string, ServiceClient>>): Clients {\n  return {};\n}`,
    );
  }
  imports.value(s.runtime, 'fillPath');
  const inputTypes: string[] = [];
  const typeMembersList: string[] = [];
  const impl: string[] = [];
  for (const t of called) {
    const methods: string[] = [];
    const implMethods: string[] = [];
    for (const c of t.commands) {
      const route = c.http!;
      inputTypes.push(objectType(commandTypeName(c), commandFields(c), wrap(`Input of ${c.name}, a command of ${t.service.name} (${route.method} ${route.path}).`)));
      methods.push(`${docComment(`${c.name}: ${route.method} ${route.path}`, 4)}\n    ${clientMethod(c)}(input: ${commandTypeName(c)}): Promise<CommandReply>;`);
      implMethods.push(
        `      ${fit(`${clientMethod(c)}: (input) =>`, `send(clients, ${quote(t.service.name)}, ${quote(route.method)}, ${quote(route.path)}, input),`, 6)}`,
      );
    }
    typeMembersList.push(
      `${docComment(`The ${t.service.name} service (${t.urlEnv}, default ${t.defaultUrl}).`, 2)}\n  readonly ${clientMember(t.service)}: {\n${methods.join('\n')}\n  };`,
    );
    impl.push(`    ${clientMember(t.service)}: {\n${implMethods.join('\n')}\n    },`);
  }
  return blocks(
    header,
    imports.toString(),
    `${docComment('What a called command answers: the aggregate key, its new state and the events it emitted.')}\nexport type CommandReply = {\n  key: string;\n  state: Record<string, unknown> | null;\n  events: { id: string; type: string }[];\n};`,
    ...inputTypes,
    targetsBlock,
    `${docComment('Typed clients of the commands this service calls, by service.')}\nexport type Clients = {\n${typeMembersList.join('\n')}\n};`,
    `${docComment('The typed clients, over the runtime\'s clients (one per called service).')}\nexport function createClients(clients: Readonly<Record<string, ServiceClient>>): Clients {\n  return {\n${impl.join('\n')}\n  };\n}`,
    `function send(
  clients: Readonly<Record<string, ServiceClient>>,
  service: string,
  method: string,
  path: string,
  input: Readonly<Record<string, unknown>>,
): Promise<CommandReply> {
  const client = clients[service];
  if (!client) return Promise.reject(new Error(\`no client for service \${service}\`));
  return client.call<CommandReply>(method, fillPath(path, input), input);
}`,
  );
}

// ---------------------------------------------------------------------------------------------
// src/generated/handlers.ts

function emittedUnion(command: Command): string {
  const events = eventsOfCommand(command);
  if (events.length === 0) return 'never';
  return events.map((e) => `Emit<${quote(e.name)}, ${eventTypeName(e)}>`).join(' | ');
}

function triggersOf(model: Model, command: Command): string[] {
  const out: string[] = [];
  const route = commandRoute(command, model);
  if (command.http) out.push(`${command.http.method} ${command.http.path}${command.actor ? ` (actor: ${command.actor})` : ''}`);
  else if (route) out.push(`${route.method} ${route.path} (the orchestrator's route)`);
  else if (command.actor) out.push(`actor ${command.actor}`);
  for (const p of command.context.policies) if (p.then.target === command) out.push(`policy ${p.name} (on ${p.on.name})`);
  for (const saga of model.sagas) {
    for (const step of saga.steps) {
      if (step.compensation?.target === command) out.push(`compensation of ${step.command.name} in saga ${saga.name}`);
    }
  }
  for (const call of model.calls) if (call.command.target === command) out.push(`calls from ${call.from.name}`);
  return out;
}

function handlerDoc(model: Model, command: Command): string[] {
  const triggers = triggersOf(model, command);
  const emits = eventsOfCommand(command);
  const doc = [
    `${command.name}${triggers.length > 0 ? ` — triggered by ${triggers.join('; ')}` : ''}.`,
    emits.length > 0 ? `Emits ${emits.map((e) => `${e.name}${e.failure ? ' (failure)' : ''}`).join(', ')}.` : 'Emits no event.',
  ];
  return wrap(doc.join(' '));
}

/** `return expr;`, the expression in parentheses on lines of its own when the line is too long. */
function returnStatement(expr: string, level: number): string {
  if (level + `return ${expr};`.length <= PRINT_WIDTH) return `return ${expr};`;
  return `return (\n${' '.repeat(level + 2)}${expr}\n${' '.repeat(level)});`;
}

/** The aggregate key of a command, from the handler context (the runtime's key is a string). */
function keyFromContext(key: Field): string {
  const type = tsType(key);
  if (type === 'string') return 'ctx.key';
  if (type === 'number') return 'Number(ctx.key)';
  return `ctx.key as ${type}`;
}

function defaultHandler(s: Scope, command: Command, readers: Set<string>, needs: { deriveId: boolean }): string {
  const { model } = s;
  const aggregate = command.aggregate;
  const key = aggregateKey(aggregate);
  const body: string[] = [`const key = ${keyFromContext(key)};`];
  if (createdByPolicy(command) || generatesKey(command)) {
    body.push(
      '// Business idempotency: a command that would create this aggregate again (a redelivered',
      '// event, a replay, a client retrying with the same key) finds it exists and changes nothing.',
      'if (ctx.state !== undefined) return {};',
      'const source: Source = { ...command };',
    );
  } else {
    body.push('const source: Source = { ...ctx.state, ...command };');
  }
  const scope: PlaceholderScope = {
    deriveParts: [quote(command.name), 'key'],
    now: 'ctx.now.toISOString()',
    urn: urnOf(model, aggregate, 'key'),
  };
  const event = successEvent(command);
  const track = (fields: readonly Field[]) => {
    if (fields.some((f) => !f.optional && !f.list && f.type === 'uuid' && f.name !== key.name)) needs.deriveId = true;
  };
  let merged = 'source';
  if (event) {
    track(event.payload.fields);
    body.push(`const data: ${eventTypeName(event)} = ${pickFields(event.payload.fields, 'source', scope, { field: key, expr: 'key' }, 0, readers)};`);
    body.push('const merged: Source = { ...source, ...data };');
    merged = 'merged';
  }
  body.push(`const state = ${stateFunction(aggregate)}(${merged}, key);`);
  let calls = 0;
  if (command.http) {
    for (const call of callsMadeBy(model, command)) {
      const target = call.command.target;
      const fields = commandFields(target);
      track(fields);
      const input = pickFields(fields, merged, scope, undefined, 0, readers);
      if (calls++ === 0) {
        body.push(
          "// Synchronous calls (the model's `calls`), before the decision and outside any transaction:",
          '// a failure (timeout, open circuit breaker) rejects the command and nothing is written.',
        );
      }
      body.push(`await ctx.clients.${clientMember(call.to.target)}.${clientMethod(target)}(${input});`);
    }
  }
  body.push(event ? `return { state, events: [{ event: ${quote(event.name)}, data }] };` : 'return { state };');
  return `${calls > 0 ? 'async ' : ''}${command.name}(command, ctx) {\n${indent(body.join('\n'))}\n},`;
}

function handlersModule(s: Scope): string {
  const { model, context } = s;
  const imports = new Imports().type(s.runtime, 'CommandContext').type('./clients.ts', 'Clients');
  const readers = new Set<string>();
  const needs = { deriveId: false };
  const sections: string[] = [];
  for (const aggregate of context.aggregates) {
    if (aggregate.commands.length === 0) continue;
    const key = aggregateKey(aggregate);
    const stateFields = aggregate.fields.map((f) => (f === key ? { ...f, optional: false } : { ...f, optional: true }));
    for (const f of aggregate.fields) for (const r of readersOf(f)) if (f !== key) readers.add(r);
    for (const c of aggregate.commands) {
      imports.type('./commands.ts', commandTypeName(c));
      for (const e of eventsOfCommand(c)) imports.type('./events.ts', eventTypeName(e));
    }
    const stateDoc = wrap(`The state of ${article(aggregate.name)}, stored as JSON under its key ${key.name}: its fields as its commands set them.`);
    const stateFn = `${docComment(`Builds ${article(aggregate.name)} state from untyped data, each field read by name (missing or mistyped fields stay unset).`)}
export function ${stateFunction(aggregate)}(source: Source, key: ${tsType(key)}): ${stateType(aggregate)} {
  return {
${aggregate.fields.map((f) => `    ${f.name}: ${f === key ? 'key' : reader(f, `source.${f.name}`)},`).join('\n')}
  };
}`;
    const methods = aggregate.commands.map(
      (c) =>
        `${docComment(handlerDoc(model, c), 2)}\n  ${signature(c.name, [`command: ${commandTypeName(c)}`, `ctx: HandlerContext<${stateType(aggregate)}>`], `Outcome<${stateType(aggregate)}, ${emittedUnion(c)}>`, 2, ';')}`,
    );
    const iface = `${docComment(wrap(`The command handlers of ${aggregate.name}: one per command. Yours are in src/domain/${aggregate.name}.ts.`))}\nexport interface ${handlersType(aggregate)} {\n${methods.join('\n')}\n}`;
    const defaults = aggregate.commands.map((c) => indent(defaultHandler(s, c, readers, needs)));
    const defaultsDoc = docComment([
      ...wrap(
        `Working defaults for ${aggregate.name}: each merges the command into the state and emits its first event that is not a failure, its fields taken from the state and the command by name; a required field nothing provides gets a typed placeholder (a derived UUID, the current time, a urn: reference, an empty value). Replace them with business logic in src/domain/${aggregate.name}.ts.`,
      ),
    ]);
    sections.push(
      `// ${'-'.repeat(93)}\n// ${aggregate.name}`,
      `${docComment(stateDoc)}\nexport type ${stateType(aggregate)} = {\n${typeMembers(stateFields)}\n};`,
      stateFn,
      iface,
      `${defaultsDoc}\nexport const ${defaultsVariable(aggregate)}: ${handlersType(aggregate)} = {\n${defaults.join('\n')}\n};`,
    );
  }
  if (needs.deriveId) imports.value(s.runtime, 'deriveId');
  imports.type('./fields.ts', 'Source');
  for (const r of [...readers].sort()) imports.value('./fields.ts', r);
  return blocks(
    docComment([
      ...wrap(
        `Command handler contracts of the ${context.name} service, and working defaults. A handler gets the command (validated against its JSON schema) and a context: the aggregate's key (ctx.key, assigned by the runtime for a command that creates its aggregate without one) and current state (undefined before it exists), the correlation id, the clock, the event that caused the command (policies, compensations) and typed clients of the services it calls. Handlers run outside any transaction, so they may call other services. It returns a decision: the new state (null deletes the aggregate) and the events to emit; the runtime commits both in one transaction (transactional outbox).`,
      ),
    ]),
    imports.toString(),
    `${docComment('An event a handler emits: its name and data.')}\nexport type Emit<N extends string, D> = { readonly event: N; readonly data: D };`,
    `${docComment('What a handler decides: the new state (null deletes the aggregate; absent keeps it) and the events to emit.')}\nexport type Decided<S, E> = { readonly state?: S | null; readonly events?: readonly E[] };`,
    `export type Outcome<S, E> = Decided<S, E> | Promise<Decided<S, E>>;`,
    `${docComment('What a handler receives besides the command.')}\nexport type HandlerContext<S> = CommandContext<S> & {\n  /** Typed clients of the services this one calls (timeout, retries, circuit breaker). */\n  readonly clients: Clients;\n};`,
    `${docComment("The runtime's command context with the typed clients added.")}
export function handlerContext<S>(ctx: CommandContext<S>, clients: Clients): HandlerContext<S> {
  return {
    key: ctx.key,
    state: ctx.state,
    correlationId: ctx.correlationId,
    cause: ctx.cause,
    now: ctx.now,
    afterCommit: (effect) => ctx.afterCommit(effect),
    clients,
  };
}`,
    ...sections,
  );
}

/** The user-owned handlers of an aggregate: members and the merge instruction. */
function domainFile(s: Scope, aggregate: Aggregate): GeneratedFile {
  const path = `${serviceDir(s.context)}/src/domain/${aggregate.name}.ts`;
  const members = aggregate.commands.map((c) => {
    const doc = [
      ...handlerDoc(s.model, c),
      '',
      ...wrap(
        `Business rules go here: check the command against ctx.state and throw a CommandError (from ${s.runtime}) to reject it with 400; decide the new state and which event to emit. The default merges the command into the state and emits ${successEvent(c)?.name ?? 'nothing'}.${generatesKey(c) ? ` It creates ${article(aggregate.name)}: ctx.key is the key the runtime assigned (or the caller gave).` : ''}`,
        94,
      ),
    ];
    const text = `${docComment(doc)}\n${fit(`${c.name}: (command, ctx) =>`, `${defaultsVariable(aggregate)}.${c.name}(command, ctx)`, 2).replace(/\n {4}/, '\n  ')}`;
    return { name: c.name, text };
  });
  const body = blocks(
    docComment([
      ...wrap(
        `Command handlers of ${aggregate.name} (context ${s.context.name}): the business logic. Yours: msa-gen wrote this file once and never overwrites it; when the model gains a command, a later run adds its handler here, delegating to the generated default.`,
        94,
      ),
    ]),
    new Imports().value('../generated/handlers.ts', defaultsVariable(aggregate)).type('../generated/handlers.ts', handlersType(aggregate)).toString(),
    `export const ${handlersVariable(aggregate)}: ${handlersType(aggregate)} = {\n${members.map((m) => `${indent(m.text)},`).join('\n')}\n};`,
  );
  return userFile(path, body, { kind: 'object-members', variable: handlersVariable(aggregate), members });
}

// ---------------------------------------------------------------------------------------------
// src/generated/policies.ts

function policiesModule(s: Scope): string {
  const { model, context } = s;
  const imports = new Imports().type(s.runtime, 'CloudEvent', 'PolicyContext', 'PolicyDef').value('./events.ts', 'eventDefs');
  const readers = new Set<string>();
  let deriveId = false;
  const types: string[] = [];
  const settings: Record<string, unknown> = {};
  const defaults: string[] = [];
  const keyFunctions: string[] = [];
  for (const p of context.policies) {
    const event = p.on.target;
    const command = p.then.target;
    imports.type('./events.ts', eventTypeName(event)).type('./commands.ts', commandTypeName(command));
    const key = aggregateKey(command.aggregate);
    const mode = policyMode(p);
    types.push(
      `${docComment(wrap(`Policy ${p.name}: whenever ${event.name}, then ${command.name}. Yours is in src/policies/${p.name}.ts.`))}
export interface ${policyType(p)} {
  /** Business check, in the consumer's transaction: false skips the event. */
  ${signature('shouldHandle', [`event: CloudEvent<${eventTypeName(event)}>`, 'ctx: PolicyContext'], 'boolean | Promise<boolean>', 2, ';')}
  /** The ${command.name} command the event becomes. */
  ${signature('toCommand', [`event: CloudEvent<${eventTypeName(event)}>`], commandTypeName(command), 2, ';')}
}`,
    );
    settings[p.name] = {
      name: p.name,
      group: policyConsumerGroup(p, model),
      on: code(`eventDefs.${event.name}`),
      then: command.name,
      retry: retryLiteral(p.retry),
      dlq: p.dlq,
      idempotencyKey: p.idempotencyKey?.name,
    };
    const fields = commandFields(command);
    const scope: PlaceholderScope = { deriveParts: [quote(p.name), 'event.subject'], now: 'event.time', urn: urnOf(model, command.aggregate, 'key') };
    deriveId = true; // the key falls back to a derived id
    const keyFn = `${policyVariable(p)}Key`;
    const fallback = tsType(key) === 'string' ? `deriveId(${quote(p.name)}, event.subject)` : placeholder(key, scope);
    if (mode === 'addresses') for (const r of readersOf(key)) readers.add(r);
    const keyExpr = mode === 'creates' ? fallback : `${reader(key, `event.data.${key.name}`)} ?? ${fallback}`;
    keyFunctions.push(
      `${docComment(
        mode === 'creates'
          ? `The key of the ${command.aggregate.name} ${article(event.name)} creates: derived from the event, so a redelivered event addresses the same ${command.aggregate.name}.`
          : `The key of the ${command.aggregate.name} ${article(event.name)} names.`,
      )}
function ${keyFn}(event: CloudEvent<${eventTypeName(event)}>): ${tsType(key)} {
  ${returnStatement(keyExpr, 2)}
}`,
    );
    const keyString = tsType(key) === 'string' ? `${keyFn}(event)` : `String(${keyFn}(event))`;
    const check =
      mode === 'creates'
        ? [
            `// Each ${event.name} creates ${article(command.aggregate.name)}, its key derived from the event: skip an`,
            `// event whose ${command.aggregate.name} exists already (a redelivery or a replay).`,
            `return !(await ctx.exists(${quote(command.aggregate.name)}, ${keyString}));`,
          ]
        : [
            `// ${event.name} names an existing ${command.aggregate.name}: skip it when there is none.`,
            `return ctx.exists(${quote(command.aggregate.name)}, ${keyString});`,
          ];
    defaults.push(
      `  ${p.name}: {
    ${mode === 'creates' ? 'async ' : ''}shouldHandle(event, ctx) {
${check.map((line) => `      ${line}`).join('\n')}
    },
    toCommand(event) {
      const source: Source = event.data;
      const key = ${keyFn}(event);
      return ${pickFields(fields, 'source', scope, { field: key, expr: 'key' }, 6, readers)};
    },
  },`,
    );
  }
  if (deriveId) imports.value(s.runtime, 'deriveId');
  imports.type('./fields.ts', 'Source');
  for (const r of [...readers].sort()) imports.value('./fields.ts', r);
  const policyTypes = context.policies.map((p) => `  readonly ${p.name}: ${policyType(p)};`);
  return blocks(
    docComment(wrap(`Policies of the ${context.name} service (whenever <event>, then <command>): their contracts, settings from the model, and working defaults.`)),
    imports.toString(),
    ...types,
    `${docComment('Settings of each policy from the model: consumer group, event, command, retries, DLQ, idempotency key.')}\n${declaration('export const policySettings = ', settings, " satisfies Readonly<Record<string, Omit<PolicyDef, 'shouldHandle' | 'toCommand'>>>;")}`,
    `export type Policies = {\n${policyTypes.join('\n')}\n};`,
    `${docComment(
      wrap(
        "Working defaults: toCommand picks the command's fields from the event by name (a missing key is derived from the event, other required fields get typed placeholders); shouldHandle is the business check on the command's aggregate.",
      ),
    )}\nexport const policyDefaults: Policies = {\n${defaults.join('\n')}\n};`,
    ...keyFunctions,
  );
}

function policyFile(s: Scope, p: Policy): GeneratedFile {
  const event = p.on.target;
  const command = p.then.target;
  const mode = policyMode(p);
  const check =
    mode === 'creates'
      ? `The default skips an event whose ${command.aggregate.name} exists already.`
      : `The default skips an event whose ${command.aggregate.name} does not exist.`;
  const guards = [
    'The inbox already drops a record delivered twice',
    p.idempotencyKey ? `, and the idempotency key ${p.idempotencyKey.name} a second event with the same value` : '',
    '.',
  ].join('');
  const body = blocks(
    docComment(
      wrap(
        `Policy ${p.name} (context ${s.context.name}): whenever ${event.name} (from ${event.context.name}), then ${command.name}. Yours: msa-gen wrote this file once and never overwrites it.`,
        94,
      ),
    ),
    new Imports().value('../generated/policies.ts', 'policyDefaults').type('../generated/policies.ts', policyType(p)).toString(),
    `const defaults = policyDefaults.${p.name};`,
    `export const ${policyVariable(p)}: ${policyType(p)} = {
${docComment(wrap(`Business check before ${command.name} runs, in the same transaction: return false to skip the event. ${check} ${guards}`, 92), 2)}
  shouldHandle: (event, ctx) => defaults.shouldHandle(event, ctx),
${docComment(wrap(`The ${command.name} input for the event. The default picks the command's fields from the event by name.`, 92), 2)}
  toCommand: (event) => defaults.toCommand(event),
};`,
  );
  return userFile(`${serviceDir(s.context)}/src/policies/${p.name}.ts`, body);
}

// ---------------------------------------------------------------------------------------------
// src/generated/projections.ts

function projectionsModule(s: Scope): string {
  const { model, context } = s;
  const imports = new Imports().type(s.runtime, 'ProjectionDef');
  if (context.readModels.length > 0) imports.value('./events.ts', 'eventDefs');
  const defs = context.readModels.map((r: ReadModel) => ({
    name: r.name,
    group: projectionConsumerGroup(r, model),
    from: r.from.flatMap((f) => (f.target ? [code(`eventDefs.${f.target.name}`)] : [])),
    key: r.key.name,
    store: r.store,
    table: readModelTable(r.name),
    status: Object.fromEntries(r.status),
    fields: r.fields.map((f) => f.name),
    retry: retryLiteral(platformRetry(model)),
  }));
  return blocks(
    docComment(wrap(`Read models of the ${context.name} service (CQRS): each projects its events into a table (store: database) or memory (store: cache), looked up over HTTP.`)),
    imports.toString(),
    `${declaration('export const projections: readonly ProjectionDef[] = ', defs, ';')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// src/generated/saga.ts

function sagaModule(s: Scope): string {
  const { model, context } = s;
  const imports = new Imports().type(s.runtime, 'CompensationDef', 'OrchestrationDef');
  const orchestrationPlans = orchestrations(model, context);
  const readers = new Set<string>();
  let deriveId = false;
  const mappers = new Map<Command, string>();
  // Mappers for every command a saga of this service sends: compensations, orchestrated steps.
  const sent: Array<{ command: Command; saga: string }> = s.compensations.map((c) => ({ command: c.command, saga: c.saga.name }));
  for (const o of orchestrationPlans) {
    for (const step of o.steps) {
      sent.push({ command: step.command, saga: o.saga.name });
      if (step.compensation) sent.push({ command: step.compensation, saga: o.saga.name });
    }
  }
  const foreignTypes: string[] = [];
  for (const { command, saga } of sent) {
    if (mappers.has(command)) continue;
    if (command.context === context) imports.type('./commands.ts', commandTypeName(command));
    else {
      const route = command.http;
      foreignTypes.push(
        objectType(
          commandTypeName(command),
          commandFields(command),
          wrap(`Input of ${command.name}, a command of ${command.context.name}${route ? ` (${route.method} ${route.path})` : ''}.`),
        ),
      );
    }
    const key = aggregateKey(command.aggregate);
    const fields = commandFields(command);
    const scope: PlaceholderScope = {
      deriveParts: [quote(saga), 'correlationId'],
      now: 'new Date().toISOString()',
      urn: urnOf(model, command.aggregate, 'key'),
    };
    if (fields.some((f) => !f.optional && !f.list && f.type === 'uuid' && f.name !== key.name)) deriveId = true;
    for (const r of readersOf(key)) readers.add(r);
    const keyFallback = tsType(key) === 'string' ? 'correlationId' : placeholder(key, scope);
    if (tsType(key) !== 'string' && key.type === 'uuid') deriveId = true;
    const fn = `to${command.name}`;
    mappers.set(
      command,
      `${docComment(wrap(`${command.name} from the saga's data (the events so far): its fields by name, the key falling back to the correlation id.`))}
function ${fn}(data: Source, correlationId: string): ${commandTypeName(command)} {
  const key = ${reader(key, `data.${key.name}`)} ?? ${keyFallback};
  return ${pickFields(fields, 'data', scope, { field: key, expr: 'key' }, 2, readers)};
}`,
    );
  }
  const compensationDefs = s.compensations.map((c) => ({
    saga: c.saga.name,
    name: c.name,
    group: c.group,
    command: c.command.name,
    trigger:
      c.trigger.kind === 'dlq'
        ? { kind: 'dlq', topic: c.trigger.topic, failedGroups: [...c.trigger.failedGroups] }
        : { kind: 'event', event: code(`eventDefs.${c.trigger.event.name}`) },
    retry: retryLiteral(platformRetry(model)),
    toCommand: code(`(data, correlationId) => to${c.command.name}(data, correlationId)`),
  }));
  const orchestrationDefs = orchestrationPlans.map((o) => ({
    saga: o.saga.name,
    group: o.group,
    steps: o.steps.map((step) => ({
      command: step.command.name,
      service: step.command.context.name,
      method: step.route.method,
      path: step.route.path,
      succeededOn: step.succeededOn.map((e) => e.name),
      failedOn: step.failedOn.map((e) => e.name),
      toCommand: code(`(data, correlationId) => to${step.command.name}(data, correlationId)`),
      compensation:
        step.compensation && step.compensationRoute
          ? {
              command: step.compensation.name,
              service: step.compensation.context.name,
              method: step.compensationRoute.method,
              path: step.compensationRoute.path,
              toCommand: code(`(data, correlationId) => to${step.compensation.name}(data, correlationId)`),
            }
          : undefined,
    })),
    events: o.events.map((e) => code(`eventDefs.${e.name}`)),
    retry: retryLiteral(platformRetry(model)),
  }));
  if (s.compensations.some((c) => c.trigger.kind === 'event') || orchestrationDefs.length > 0) imports.value('./events.ts', 'eventDefs');
  if (deriveId) imports.value(s.runtime, 'deriveId');
  if (mappers.size > 0) {
    imports.type('./fields.ts', 'Source');
    for (const r of [...readers].sort()) imports.value('./fields.ts', r);
  }
  return blocks(
    docComment([
      ...wrap(
        `Sagas in the ${context.name} service. Compensations (choreography): this service undoes its step when a later step fails — a record of that step's consumers in a DLQ (after a grace period, SAGA_COMPENSATION_DELAY_MS, cancelled when an operator replays the record) or a failure event of that step. Orchestrations: the sagas this service conducts as a persisted state machine, calling each step over HTTP.`,
      ),
    ]),
    imports.toString(),
    `${declaration('export const compensations: readonly CompensationDef[] = ', compensationDefs, ';')}`,
    ...foreignTypes,
    ...mappers.values(),
    `${declaration('export const orchestrations: readonly OrchestrationDef[] = ', orchestrationDefs, ';')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// src/generated/routes.ts

export interface ServiceRoute {
  readonly kind: 'command' | 'lookup';
  readonly method: string;
  readonly path: string;
  readonly name: string;
}

export function serviceRoutes(model: Model, context: Context): ServiceRoute[] {
  const routes: ServiceRoute[] = [];
  for (const c of contextCommands(context)) {
    const route = commandRoute(c, model);
    if (route) routes.push({ kind: 'command', method: route.method, path: route.path, name: c.name });
  }
  for (const r of context.readModels) routes.push({ kind: 'lookup', method: 'GET', path: r.http.path, name: r.name });
  const seen = new Map<string, string>();
  for (const r of routes) {
    const id = `${r.method} ${r.path.replace(/\{[^}]+\}/g, '{}')}`;
    const earlier = seen.get(id);
    if (earlier) throw new Error(`context "${context.name}": ${r.name} and ${earlier} share the route ${r.method} ${r.path}`);
    seen.set(id, r.name);
  }
  return routes;
}

function routesModule(s: Scope): string {
  const routes = serviceRoutes(s.model, s.context);
  const imports = new Imports().type(s.runtime, 'Route');
  if (routes.some((r) => r.kind === 'command')) imports.value('./commands.ts', 'commandDefs');
  const defs = routes.map((r) =>
    r.kind === 'command'
      ? { kind: 'command', method: r.method, path: r.path, command: r.name, schema: code(`commandDefs.${r.name}.schema`) }
      : { kind: 'lookup', path: r.path, readModel: r.name },
  );
  return blocks(
    docComment(
      wrap(
        `HTTP routes of the ${s.context.name} service besides /healthz, /readyz, /metrics and the DLQ admin routes: its commands (the input validated against the command's JSON schema, path parameters included) and its read-model lookups.`,
      ),
    ),
    imports.toString(),
    `${declaration('export const routes: readonly Route[] = ', defs, ';')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// src/generated/service.ts

function serviceModule(s: Scope): string {
  const { model, context } = s;
  const commands = contextCommands(context);
  const imports = new Imports()
    .type(s.runtime, 'ServiceDefinition', 'ServiceModule')
    .value('./clients.ts', 'callTargets')
    .value('./commands.ts', 'commandDefs')
    .value('./events.ts', 'eventDefs')
    .value('./projections.ts', 'projections')
    .value('./routes.ts', 'routes')
    .value('./saga.ts', 'compensations', 'orchestrations');
  if (commands.length > 0) imports.value('./handlers.ts', 'handlerContext').value('./clients.ts', 'createClients');
  for (const a of context.aggregates) if (a.commands.length > 0) imports.value(`../domain/${a.name}.ts`, handlersVariable(a));
  if (context.policies.length > 0) imports.value('./policies.ts', 'policySettings');
  for (const p of context.policies) imports.value(`../policies/${p.name}.ts`, policyVariable(p));
  const handlers: Record<string, unknown> = {};
  for (const c of commands) {
    const call = `${handlersVariable(c.aggregate)}.${c.name}(command, handlerContext(ctx, clients)),`;
    const oneLine = 8 + `${c.name}: (command, ctx) => ${call}`.length <= PRINT_WIDTH;
    handlers[c.name] = code(`(command, ctx) =>${oneLine ? ' ' : '\n  '}${call.slice(0, -1)}`);
  }
  const policies = context.policies.map((p) =>
    code(
      `{\n  ...policySettings.${p.name},\n  shouldHandle: (event, ctx) => ${policyVariable(p)}.shouldHandle(event, ctx),\n  toCommand: (event) => ${policyVariable(p)}.toCommand(event),\n}`,
    ),
  );
  const definition = {
    platform: model.platform.name,
    name: context.name,
    source: `/${model.platform.name}/${context.name}`,
    schema: databaseSchema(context),
    aggregates: context.aggregates.map((a) => ({ name: a.name, table: aggregateTable(a), key: aggregateKey(a).name })),
    events: code('eventDefs'),
    commands: code('commandDefs'),
    handlers,
    policies,
    projections: code('projections'),
    compensations: code('compensations'),
    orchestrations: code('orchestrations'),
    ddl: '',
    pii: piiFields(model, context),
  };
  const define =
    commands.length > 0
      ? `  define(runtimeClients): ServiceDefinition {\n    const clients = createClients(runtimeClients);\n    return ${render(definition, 4, 11)};\n  },`
      : `  define(): ServiceDefinition {\n    return ${render(definition, 4, 11)};\n  },`;
  return blocks(
    docComment([
      ...wrap(`The ${context.name} service (${context.title}) of the ${model.platform.name} platform: what the runtime needs to run it.`),
      ...(context.description ? wrap(context.description) : []),
    ]),
    imports.toString(),
    `export const service: ServiceModule = {
  name: ${quote(context.name)},
  platform: ${quote(model.platform.name)},
  defaultPort: ${context.port},
  calls: callTargets,
  routes,
${define}
};`,
  );
}

// ---------------------------------------------------------------------------------------------
// User-owned: main.ts, starter test

function mainFile(s: Scope): GeneratedFile {
  const body = `/**
 * Starts the ${s.context.name} service. With no environment it runs on its own: PGlite (embedded
 * PostgreSQL) in memory and the in-memory bus, on port ${s.context.port}. DATABASE_URL switches to a PostgreSQL
 * server, KAFKA_BROKERS to Kafka; see the platform's README for every variable.
 * Yours: msa-gen wrote this file once and never overwrites it.
 */
import { startService } from '${s.runtime}';
import { service } from './generated/service.ts';

const running = await startService(service, { env: process.env });

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  running.runtime.logger.info('stopping', { signal });
  await running.stop();
  process.exit(0);
}
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
`;
  return userFile(`${serviceDir(s.context)}/src/main.ts`, body);
}

// ---------------------------------------------------------------------------------------------
// Package files

function packageJson(model: Model, context: Context): string {
  const pkg = {
    name: servicePackage(model, context),
    version: WORKSPACE_VERSION,
    description: `${context.title}: context ${context.name} of the ${model.platform.name} platform`,
    private: true,
    type: 'module',
    exports: { '.': './src/generated/service.ts' },
    engines: { node: NODE_ENGINE },
    scripts: {
      start: 'node src/main.ts',
      test: `vitest run --config ../../vitest.config.ts ${serviceDir(context)}/`,
    },
    dependencies: { [runtimePackage(model)]: '*' },
  };
  return jsonText(pkg);
}

export function workspaceTsconfig(include: readonly string[]): string {
  return jsonText({ extends: '../../tsconfig.base.json', include });
}

/** Every workspace folder of the platform (for the Dockerfile's dependency layer). */
export function workspaceDirs(model: Model): string[] {
  return ['packages/platform', 'packages/runtime', ...model.contexts.map(serviceDir)].sort();
}

/**
 * The service's Dockerfile. Model text (the title, the image registry and tag) lands in comments
 * only; the context's name and the workspace folders land in instructions, as plain words.
 */
function dockerfile(request: GenerateRequest, context: Context): string {
  const { model, templates } = request;
  return renderTemplate(templates, SERVICE_TEMPLATES.dockerfile, {
    platform: dockerComment(model.platform.name),
    context: dockerWord(context.name),
    title: dockerComment(context.title),
    image: dockerWord(NODE_IMAGE),
    port: context.port,
    registry: dockerComment(model.platform.deploy.image.registry),
    tag: dockerComment(model.platform.deploy.image.tag),
    workspaces: workspaceDirs(model).map(dockerWord),
  });
}

// ---------------------------------------------------------------------------------------------

export function generateService(request: GenerateRequest, context: Context): GeneratedFile[] {
  const { model } = request;
  const s: Scope = {
    model,
    context,
    runtime: runtimePackage(model),
    events: serviceEvents(model, context),
    targets: callTargets(model, context),
    compensations: compensations(model, context),
  };
  const dir = serviceDir(context);
  const gen = `${dir}/src/generated`;
  const files: GeneratedFile[] = [
    generatedFile(`${dir}/package.json`, packageJson(model, context)),
    generatedFile(`${dir}/tsconfig.json`, workspaceTsconfig(['src', 'test'])),
    generatedFile(`${dir}/Dockerfile`, dockerfile(request, context)),
    generatedFile(`${gen}/fields.ts`, fieldsModule()),
    generatedFile(`${gen}/events.ts`, eventsModule(s)),
    generatedFile(`${gen}/commands.ts`, commandsModule(s)),
    generatedFile(`${gen}/topics.ts`, topicsModule(s)),
    generatedFile(`${gen}/clients.ts`, clientsModule(s)),
    generatedFile(`${gen}/projections.ts`, projectionsModule(s)),
    generatedFile(`${gen}/saga.ts`, sagaModule(s)),
    generatedFile(`${gen}/routes.ts`, routesModule(s)),
    generatedFile(`${gen}/service.ts`, serviceModule(s)),
    mainFile(s),
    serviceTestFile(model, context),
  ];
  if (contextCommands(context).length > 0) files.push(generatedFile(`${gen}/handlers.ts`, handlersModule(s)));
  if (context.policies.length > 0) files.push(generatedFile(`${gen}/policies.ts`, policiesModule(s)));
  for (const e of s.events) files.push(generatedFile(`${gen}/schemas/${e.name}.schema.json`, jsonText(eventSchema(model, e))));
  for (const c of contextCommands(context)) files.push(generatedFile(`${gen}/schemas/${c.name}.schema.json`, jsonText(commandSchema(model, c))));
  for (const a of context.aggregates) if (a.commands.length > 0) files.push(domainFile(s, a));
  for (const p of context.policies) files.push(policyFile(s, p));
  return files;
}
