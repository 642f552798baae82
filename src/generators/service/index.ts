/**
 * One service per bounded context: `services/<context>/`.
 *
 * Generated (rewritten on every run): package.json, tsconfig.json, Dockerfile and, under
 * src/generated/, only what differs per service — event and command types with the JSON schemas
 * of what it handles and emits, call targets and their typed clients, handler contracts with
 * working defaults, policies, saga mappers, and the ServiceModule the runtime starts. What is the
 * same in every service (field readers, handler types, the handler context, typed clients) lives
 * in the runtime package; the runtime calls the user-owned handlers and policies directly.
 * User-owned (written once, then only merged into): src/domain/<Aggregate>.ts (command
 * handlers), src/policies/<Policy>.ts, src/main.ts and test/<context>.test.ts. They point to the
 * generated contracts for the model's facts, which stay current.
 */
import { kebabCase } from '../../model/case.js';
import { dockerComment, dockerWord } from '../emit/dockerfile.js';
import { jsonText } from '../emit/json.js';
import type { Aggregate, Command, Context, Event, Field, Model, Policy, ReadModel } from '../../model/valid.js';
import { objectSchema, placeholder, reader, readersOf, tsType, type PlaceholderScope } from '../ts/field-types.js';
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
  aggregateTable,
  readModelTable,
} from '../names/symbols.js';
import { workspaceDirs, workspaceTsconfig } from '../names/workspace.js';
import { renderTemplate } from '../render.js';
import { databaseSchema } from '../names/env.js';
import {
  aggregateKey,
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
  serviceEvents,
  successEvent,
  type CallTargetPlan,
  type CompensationPlan,
} from '../plan/service.js';
import { projectionConsumerGroup, policyConsumerGroup } from '../plan/topics.js';
import { article, blocks, code, declaration, docComment, fit, Imports, indent, PRINT_WIDTH, quote, render, signature, templateText, wrap } from '../ts/code.js';
import { generatedFile, userFile, type GeneratedFile, type GenerateRequest } from '../types.js';
import { NODE_ENGINE, NODE_IMAGE, WORKSPACE_VERSION } from '../names/versions.js';

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
// Schemas, events, commands

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

/** The events a service emits: those of its own aggregates. The others it only consumes. */
function ownEvents(s: Scope): Event[] {
  return s.events.filter((e) => e.context === s.context);
}

function eventsModule(s: Scope): string {
  const imports = new Imports().type(s.runtime, 'EventDef');
  const own = new Set(ownEvents(s));
  for (const e of own) imports.default(`./schemas/${e.name}.schema.json`, `${e.name}Schema`, JSON_IMPORT);
  // Data types of what it emits and of what its policies read; read models and sagas take any data.
  const typed = new Set<Event>([...own, ...s.context.policies.map((p) => p.on.target)]);
  const types = s.events.filter((e) => typed.has(e)).map((e) => objectType(eventTypeName(e), e.payload.fields, eventDoc(e)));
  const defs: Record<string, unknown> = {};
  for (const e of s.events) {
    defs[e.name] = {
      name: e.name,
      type: e.type,
      topic: e.topic.name,
      dlqTopic: e.dlq.name,
      ...(own.has(e)
        ? { key: aggregateKey(e.aggregate).name, stage: `${e.context.name}.${e.name}`, failure: e.failure || undefined, schema: code(`${e.name}Schema`) }
        : {}),
    };
  }
  return blocks(
    docComment(
      wrap(
        `Events the ${s.context.name} service emits or consumes: their data types and definitions (EventDef). Those of other services are its own copies, as of the model it was generated from.`,
      ),
    ),
    imports.toString(),
    ...types,
    `${docComment('Definitions of these events: what this service emits in full, what it only consumes by type and topics.')}\n${declaration('export const eventDefs = ', defs, ' satisfies Readonly<Record<string, EventDef>>;')}`,
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
    `${docComment('Definitions of these commands (CommandDef).')}\n${declaration('export const commandDefs = ', defs, ' satisfies Readonly<Record<string, CommandDef>>;')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// src/generated/clients.ts

/** The services this one calls commands of (the model's `calls`); orchestration targets have none. */
function calledTargets(s: Scope): CallTargetPlan[] {
  return s.targets.filter((t) => t.commands.length > 0);
}

function clientsModule(s: Scope): string {
  const imports = new Imports().type(s.runtime, 'CallTarget');
  const called = calledTargets(s);
  const targets = s.targets.map((t) => ({
    service: t.service.name,
    urlEnv: t.urlEnv,
    defaultUrl: t.defaultUrl,
    timeoutMs: t.timeoutMs,
    retry: { maxAttempts: t.retry.maxAttempts, backoffMs: t.retry.backoffMs, maxBackoffMs: t.retry.maxBackoffMs },
    circuitBreaker: { consecutiveFailures: t.circuitBreaker.consecutiveFailures, halfOpenAfterMs: t.circuitBreaker.halfOpenAfterMs },
    client: t.commands.length > 0 ? clientMember(t.service) : undefined,
    commands:
      t.commands.length > 0
        ? Object.fromEntries(t.commands.map((c) => [clientMethod(c), { method: c.http!.method, path: c.http!.path }]))
        : undefined,
  }));
  const parts = [
    docComment(
      wrap(
        `The services ${s.context.name} calls over HTTP${called.length > 0 ? '' : ' (the steps of the sagas it orchestrates)'}: how to reach them (CallTarget)${called.length > 0 ? ', and the typed clients its handlers get as ctx.clients' : ''}.`,
      ),
    ),
  ];
  const types: string[] = [];
  if (called.length > 0) {
    imports.type(s.runtime, 'CommandReply');
    const members: string[] = [];
    for (const t of called) {
      const methods: string[] = [];
      for (const c of t.commands) {
        const route = c.http!;
        types.push(objectType(commandTypeName(c), commandFields(c), wrap(`Input of ${c.name}, a command of ${t.service.name} (${route.method} ${route.path}).`)));
        methods.push(`${docComment(`${c.name}: ${route.method} ${route.path}`, 4)}\n    ${clientMethod(c)}(input: ${commandTypeName(c)}): Promise<CommandReply>;`);
      }
      members.push(`${docComment(`The ${t.service.name} service (${t.urlEnv}, default ${t.defaultUrl}).`, 2)}\n  readonly ${clientMember(t.service)}: {\n${methods.join('\n')}\n  };`);
    }
    types.push(`${docComment('ctx.clients of the command handlers: the commands this service calls (the model\'s `calls`).')}\nexport type Clients = {\n${members.join('\n')}\n};`);
  }
  return blocks(
    ...parts,
    imports.toString(),
    ...types,
    `${docComment('Called services: base URL (its variable, else the Kubernetes Service), timeout, retries, circuit breaker, commands.')}\n${declaration('export const callTargets: readonly CallTarget[] = ', targets, ';')}`,
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

/**
 * What the model says about a command's handler: what triggers it, what it may emit, whether it
 * creates its aggregate, what the default does. On the generated interface, so it follows the model.
 */
function handlerDoc(model: Model, command: Command): string[] {
  const triggers = triggersOf(model, command);
  const emits = eventsOfCommand(command);
  const success = successEvent(command);
  const doc = [
    `${command.name}${triggers.length > 0 ? ` — triggered by ${triggers.join('; ')}` : ''}.`,
    emits.length > 0 ? `Emits ${emits.map((e) => `${e.name}${e.failure ? ' (failure)' : ''}`).join(', ')}.` : 'Emits no event.',
    generatesKey(command) ? `It creates ${article(command.aggregate.name)}: ctx.key is the key the runtime assigned (or the caller gave).` : '',
    `The default ${success ? `emits ${success.name}` : 'emits nothing'}.`,
  ];
  return wrap(doc.filter((d) => d !== '').join(' '));
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
      '// Creating it again (a redelivered event, a replay, a client retry) changes nothing.',
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
          "// The model's `calls`, outside any transaction: a failure rejects the command.",
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
  const imports = new Imports().type(s.runtime, 'HandlerContext', 'Outcome', 'Source');
  if (contextCommands(context).some((c) => eventsOfCommand(c).length > 0)) imports.type(s.runtime, 'Emit');
  const clients = calledTargets(s).length > 0;
  if (clients) imports.type('./clients.ts', 'Clients');
  const context_ = (aggregate: Aggregate) => `HandlerContext<${stateType(aggregate)}${clients ? ', Clients' : ''}>`;
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
        `${docComment(handlerDoc(model, c), 2)}\n  ${signature(c.name, [`command: ${commandTypeName(c)}`, `ctx: ${context_(aggregate)}`], `Outcome<${stateType(aggregate)}, ${emittedUnion(c)}>`, 2, ';')}`,
    );
    const iface = `${docComment(wrap(`The command handlers of ${aggregate.name}: one per command. Yours are in src/domain/${aggregate.name}.ts.`))}\nexport interface ${handlersType(aggregate)} {\n${methods.join('\n')}\n}`;
    const defaults = aggregate.commands.map((c) => indent(defaultHandler(s, c, readers, needs)));
    const defaultsDoc = docComment([
      ...wrap(
        `Working defaults for ${aggregate.name}: each merges the command into the state and emits its first non-failure event, its fields taken by name (a required field nothing provides gets a typed placeholder).`,
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
  for (const r of readers) imports.value(s.runtime, r);
  return blocks(
    docComment(
      wrap(
        `Command handler contracts of the ${context.name} service, and working defaults. Yours are in src/domain/; the runtime calls them with the command (validated) and a HandlerContext (${s.runtime}).`,
      ),
    ),
    imports.toString(),
    ...sections,
  );
}

/**
 * The user-owned handlers of an aggregate: members and the merge instruction. Each stub hands
 * the command to the generated default itself (the runtime calls it directly); the facts about
 * each command stay on the generated interface, which follows the model.
 */
function domainFile(s: Scope, aggregate: Aggregate): GeneratedFile {
  const path = `${serviceDir(s.context)}/src/domain/${aggregate.name}.ts`;
  const members = aggregate.commands.map((c) => ({
    name: c.name,
    text: fit(`${c.name}:`, `${defaultsVariable(aggregate)}.${c.name}`, 2).replace(/\n {4}/, '\n  '),
  }));
  const body = blocks(
    docComment([
      ...wrap(
        `Command handlers of ${aggregate.name}: your business logic. msa-gen wrote this file once and never overwrites it; when the model gains a command, a later run adds its handler here, delegating to the generated default. What triggers each command, what it may emit and what its default does: ${handlersType(aggregate)} in src/generated/handlers.ts, which follows the model.`,
        94,
      ),
      '',
      ...wrap(
        `To give a command business rules, replace its delegation with a function (command, ctx) => …: check the command against ctx.state and throw a CommandError (from ${s.runtime}) to reject it with 400; decide the new state and the events to emit, or call the default and adjust its decision.`,
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
    const skips =
      mode === 'creates'
        ? `The default skips an event whose ${command.aggregate.name} exists already.`
        : `The default skips an event whose ${command.aggregate.name} does not exist.`;
    const guards = p.idempotencyKey ? `Idempotency key: ${p.idempotencyKey.name}.` : '';
    types.push(
      `${docComment(wrap(`Policy ${p.name}: whenever ${event.name} (from ${event.context.name}), then ${command.name}. Yours is in src/policies/${p.name}.ts.`))}
export interface ${policyType(p)} {
${docComment(wrap(`Business check before ${command.name} runs: false skips the event. ${skips} ${guards}`, PRINT_WIDTH - 6), 2)}
  ${signature('shouldHandle', [`event: CloudEvent<${eventTypeName(event)}>`, 'ctx: PolicyContext'], 'boolean | Promise<boolean>', 2, ';')}
${docComment(`The ${command.name} input for the event.`, 2)}
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
  imports.type(s.runtime, 'Source');
  for (const r of readers) imports.value(s.runtime, r);
  const policyTypes = context.policies.map((p) => `  readonly ${p.name}: ${policyType(p)};`);
  return blocks(
    docComment(wrap(`Policies of the ${context.name} service (PolicyDef): their contracts, settings from the model, and working defaults.`)),
    imports.toString(),
    ...types,
    `${docComment('Settings of each policy from the model.')}\n${declaration('export const policySettings = ', settings, " satisfies Readonly<Record<string, Omit<PolicyDef, 'shouldHandle' | 'toCommand'>>>;")}`,
    `export type Policies = {\n${policyTypes.join('\n')}\n};`,
    `${docComment(
      wrap(
        "Working defaults: shouldHandle checks the command's aggregate; toCommand picks the command's fields from the event by name (a missing key is derived from the event).",
      ),
    )}\nexport const policyDefaults: Policies = {\n${defaults.join('\n')}\n};`,
    ...keyFunctions,
  );
}

/**
 * The user-owned implementation of a policy: it hands both steps to the generated defaults (the
 * runtime calls them directly); what the policy does and what the defaults do is on the generated
 * interface, which follows the model.
 */
function policyFile(s: Scope, p: Policy): GeneratedFile {
  const body = blocks(
    docComment(
      wrap(
        `Policy ${p.name}: your business check and command mapping. msa-gen wrote this file once and never overwrites it. When it runs, what it issues and what the defaults do: ${policyType(p)} in src/generated/policies.ts, which follows the model. To change a step, replace its delegation with a function.`,
        94,
      ),
    ),
    new Imports().value('../generated/policies.ts', 'policyDefaults').type('../generated/policies.ts', policyType(p)).toString(),
    `const defaults = policyDefaults.${p.name};`,
    `export const ${policyVariable(p)}: ${policyType(p)} = {
  shouldHandle: defaults.shouldHandle,
  toCommand: defaults.toCommand,
};`,
  );
  return userFile(`${serviceDir(s.context)}/src/policies/${p.name}.ts`, body);
}

// ---------------------------------------------------------------------------------------------
// Read models

/** Read models of the service (CQRS), for service.ts: each projects its events into a table or memory. */
function projectionDefs(s: Scope): unknown[] {
  const { model, context } = s;
  return context.readModels.map((r: ReadModel) => ({
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
}

// ---------------------------------------------------------------------------------------------
// src/generated/saga.ts

function sagaModule(s: Scope): string {
  const { model, context } = s;
  const imports = new Imports();
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
    toCommand: code(`to${c.command.name}`),
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
      toCommand: code(`to${step.command.name}`),
      compensation:
        step.compensation && step.compensationRoute
          ? {
              command: step.compensation.name,
              service: step.compensation.context.name,
              method: step.compensationRoute.method,
              path: step.compensationRoute.path,
              toCommand: code(`to${step.compensation.name}`),
            }
          : undefined,
    })),
    events: o.events.map((e) => code(`eventDefs.${e.name}`)),
    retry: retryLiteral(platformRetry(model)),
  }));
  if (s.compensations.some((c) => c.trigger.kind === 'event') || orchestrationDefs.length > 0) imports.value('./events.ts', 'eventDefs');
  if (compensationDefs.length > 0) imports.type(s.runtime, 'CompensationDef');
  if (orchestrationDefs.length > 0) imports.type(s.runtime, 'OrchestrationDef');
  if (deriveId) imports.value(s.runtime, 'deriveId');
  if (mappers.size > 0) {
    imports.type(s.runtime, 'Source');
    for (const r of readers) imports.value(s.runtime, r);
  }
  return blocks(
    docComment([
      ...wrap(
        `Sagas in the ${context.name} service: the compensations of its steps (CompensationDef), the sagas it orchestrates (OrchestrationDef), and how saga data becomes each command they send.`,
      ),
    ]),
    imports.toString(),
    compensationDefs.length > 0 && `${declaration('export const compensations: readonly CompensationDef[] = ', compensationDefs, ';')}`,
    ...foreignTypes,
    ...mappers.values(),
    orchestrationDefs.length > 0 && `${declaration('export const orchestrations: readonly OrchestrationDef[] = ', orchestrationDefs, ';')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Routes

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

// ---------------------------------------------------------------------------------------------
// src/generated/service.ts

/** `{ ...a, ...b }` starting at `column`, one spread a line when it does not fit. */
function spreads(names: readonly string[], column: number): string {
  if (names.length === 0) return '{}';
  const inline = `{ ${names.map((n) => `...${n}`).join(', ')} }`;
  return column + inline.length + 1 <= PRINT_WIDTH ? inline : `{\n${names.map((n) => `  ...${n},`).join('\n')}\n}`;
}

/**
 * What the runtime needs to run the service. The handlers and policies are the user's own objects
 * (src/domain, src/policies): the runtime calls them directly, with no wrapper in between.
 */
function serviceModule(s: Scope): string {
  const { model, context } = s;
  const commands = contextCommands(context).length > 0;
  const imports = new Imports().type(s.runtime, 'ServiceDefinition', 'ServiceModule');
  if (commands) imports.value('./commands.ts', 'commandDefs');
  if (s.events.length > 0) imports.value('./events.ts', 'eventDefs');
  if (s.targets.length > 0) imports.value('./clients.ts', 'callTargets');
  const withHandlers = context.aggregates.filter((a) => a.commands.length > 0);
  for (const a of withHandlers) imports.value(`../domain/${a.name}.ts`, handlersVariable(a));
  if (context.policies.length > 0) imports.value('./policies.ts', 'policySettings');
  for (const p of context.policies) imports.value(`../policies/${p.name}.ts`, policyVariable(p));
  const orchestrationCount = orchestrations(model, context).length;
  if (s.compensations.length > 0) imports.value('./saga.ts', 'compensations');
  if (orchestrationCount > 0) imports.value('./saga.ts', 'orchestrations');
  const routes = serviceRoutes(model, context).map((r) =>
    r.kind === 'command' ? { kind: 'command', method: r.method, path: r.path, command: r.name } : { kind: 'lookup', path: r.path, readModel: r.name },
  );
  const definition = {
    platform: model.platform.name,
    name: context.name,
    source: `/${model.platform.name}/${context.name}`,
    schema: databaseSchema(context),
    aggregates: context.aggregates.map((a) => ({ name: a.name, table: aggregateTable(a), key: aggregateKey(a).name })),
    events: code(s.events.length > 0 ? 'eventDefs' : '{}'),
    commands: code(commands ? 'commandDefs' : '{}'),
    handlers: code(spreads(withHandlers.map(handlersVariable), 4 + 'handlers: '.length)),
    // Settings last: what the model says about a policy is not overridden by its implementation.
    policies: context.policies.map((p) => code(spreads([policyVariable(p), `policySettings.${p.name}`], 6))),
    projections: projectionDefs(s),
    compensations: s.compensations.length > 0 ? code('compensations') : [],
    orchestrations: orchestrationCount > 0 ? code('orchestrations') : [],
    pii: piiFields(model, context),
  };
  return blocks(
    docComment([
      ...wrap(
        `The ${context.name} service (${context.title}) of the ${model.platform.name} platform: what the runtime needs to run it (routes besides /healthz, /readyz, /metrics and the DLQ admin routes).${withHandlers.length + context.policies.length > 0 ? ` The runtime calls its ${withHandlers.length > 0 ? 'handlers (src/domain)' : ''}${withHandlers.length > 0 && context.policies.length > 0 ? ' and ' : ''}${context.policies.length > 0 ? 'policies (src/policies)' : ''} directly.` : ''}`,
      ),
      ...(context.description ? wrap(context.description) : []),
    ]),
    imports.toString(),
    `export const service: ServiceModule = {
  name: ${quote(context.name)},
  platform: ${quote(model.platform.name)},
  defaultPort: ${context.port},
  calls: ${s.targets.length > 0 ? 'callTargets' : '[]'},
  routes: ${render(routes, 2, 10)},
  define: (): ServiceDefinition => (${render(definition, 2, 35)}),
};`,
  );
}

// ---------------------------------------------------------------------------------------------
// User-owned: main.ts, starter test

function mainFile(s: Scope): GeneratedFile {
  const body = `/**
 * Starts the ${s.context.name} service. With no environment it runs on its own: PGlite (embedded
 * PostgreSQL) in memory and the in-memory bus, on its port (service.defaultPort, or PORT).
 * DATABASE_URL switches to a PostgreSQL server, KAFKA_BROKERS to Kafka; see the platform's README
 * for every variable.
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
    generatedFile(`${gen}/service.ts`, serviceModule(s)),
    mainFile(s),
  ];
  if (s.events.length > 0) files.push(generatedFile(`${gen}/events.ts`, eventsModule(s)));
  if (contextCommands(context).length > 0) files.push(generatedFile(`${gen}/commands.ts`, commandsModule(s)));
  if (s.targets.length > 0) files.push(generatedFile(`${gen}/clients.ts`, clientsModule(s)));
  if (s.compensations.length > 0 || orchestrations(model, context).length > 0) files.push(generatedFile(`${gen}/saga.ts`, sagaModule(s)));
  if (contextCommands(context).length > 0) files.push(generatedFile(`${gen}/handlers.ts`, handlersModule(s)));
  if (context.policies.length > 0) files.push(generatedFile(`${gen}/policies.ts`, policiesModule(s)));
  for (const e of ownEvents(s)) files.push(generatedFile(`${gen}/schemas/${e.name}.schema.json`, jsonText(eventSchema(model, e))));
  for (const c of contextCommands(context)) files.push(generatedFile(`${gen}/schemas/${c.name}.schema.json`, jsonText(commandSchema(model, c))));
  for (const a of context.aggregates) if (a.commands.length > 0) files.push(domainFile(s, a));
  for (const p of context.policies) files.push(policyFile(s, p));
  return files;
}
