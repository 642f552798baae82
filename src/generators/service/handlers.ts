/**
 * src/generated/handlers.ts of a service (the state of each aggregate, its handler contract and
 * working defaults) and the user-owned src/domain/<Aggregate>.ts that starts as those defaults.
 */
import {
  callInputsType,
  callRepliesType,
  clientMethod,
  commandTypeName,
  defaultsVariable,
  eventTypeName,
  handlersType,
  handlersVariable,
  stateFunction,
  stateType,
} from '../names/symbols.js';
import { article, blocks, docComment, fit, Imports, indent, quote, signature, wrap } from '../ts/code.js';
import { reader, tsType, type Field, type PlaceholderScope } from '../ts/field-types.js';
import { join, laidOut, mapText, runtimeType, ts, TsModule, typeFrom, type Fragment, type Part } from '../ts/module.js';
import { userFile, type GeneratedFile } from '../types.js';
import { pickFields, typeMembers, urnOf } from './parts.js';
import {
  aggregateKey,
  calledTargets,
  commandFields,
  commandRoute,
  eventsOfCommand,
  generatesKey,
  successEvent,
  type EventData,
  type OwnAggregateData,
  type OwnCommandData,
  type ServicePlan,
} from './plan.js';

type Aggregate = OwnAggregateData;
type Command = OwnCommandData;

const commandCallsOf = (_s: ServicePlan, command: Command) => command.calls;
const eventType = (e: EventData) => typeFrom('./events.ts', eventTypeName(e));

function emittedUnion(command: Command): Part {
  const events = eventsOfCommand(command);
  if (events.length === 0) return 'never';
  return join(
    events.map((e) => ts`${runtimeType('Emit')}<${quote(e.name)}, ${eventType(e)}>`),
    ' | ',
  );
}

function triggersOf(s: ServicePlan, command: Command): string[] {
  const out: string[] = [];
  const route = commandRoute(command);
  if (command.http) out.push(`${command.http.method} ${command.http.path}${command.actor ? ` (actor: ${command.actor})` : ''}`);
  else if (route) out.push(`${route.method} ${route.path} (the orchestrator's route)`);
  else if (command.actor) out.push(`actor ${command.actor}`);
  const triggers = command.triggers;
  for (const t of triggers) if (t.kind === 'policy') out.push(`policy ${t.policy} (on ${t.on})`);
  for (const t of triggers) if (t.kind === 'compensation') out.push(`compensation of ${t.command} in saga ${t.saga}`);
  for (const t of triggers) if (t.kind === 'call') out.push(`calls from ${t.from}`);
  return out;
}

/**
 * How a handler of `command` refuses it, by what triggers it: a throw means 400 over HTTP, but
 * retries and then a DLQ record when an event triggers it (a policy, a compensation), where the
 * command's failure event is the way to refuse.
 */
function refusalDoc(s: ServicePlan, command: Command): { readonly text: string[]; readonly code?: string } {
  const failure = eventsOfCommand(command).find((e) => e.failure);
  const fromEvents = command.fromEvents;
  const text: string[] = [];
  if (command.http) text.push('Over HTTP, throw a CommandError to reject it (400).');
  else if (commandRoute(command)) {
    text.push(`The orchestrator sends it: a thrown CommandError${failure ? ` or ${failure.name}` : ''} fails the saga, which compensates the completed steps.`);
  }
  if (!fromEvents) return { text };
  text.push(
    `From an event, a throw (a CommandError too) is retried, then dead-lettered; to refuse it, ${
      failure ? `emit its failure event instead, so the flow reacts:` : 'return {} (nothing changes): the model gives it no failure event (failure: true) to emit.'
    }`,
  );
  return failure ? { text, code: `  return { events: [{ event: '${failure.name}', data }] }; // data: ${eventTypeName(failure)}` } : { text };
}

/**
 * The model's calls of a command, as the runtime makes them around its handler: a replaced
 * default cannot drop them.
 */
function callsDoc(s: ServicePlan, command: Command): string[] {
  const calls = commandCallsOf(s, command);
  const before = calls.filter((c) => c.call.when === 'before');
  const after = calls.filter((c) => c.call.when === 'after');
  const named = (list: typeof calls) => list.map((c) => `${c.service.name}'s ${c.command.name}`).join(', ');
  const text: string[] = [];
  if (before.length > 0) {
    text.push(
      `Before it runs, the runtime calls ${named(before)} (the model's calls; timeout, retries, circuit breaker): the replies are ${before.map((c) => `ctx.calls.${clientMethod(c.command)}`).join(', ')}; a failed call refuses the command (503, or 502 when the input was rejected) and the handler does not run.`,
    );
  }
  if (after.length > 0) {
    text.push(
      `Once it decided, the runtime calls ${named(after)} with the input the decision returns as ${after.map((c) => `calls.${clientMethod(c.command)}`).join(', ')}, before it commits; a failed call refuses the command.`,
    );
  }
  if (calls.length > 0) text.push('A handler that replaces the default cannot drop these calls.');
  return text;
}

/**
 * What the model says about a command's handler: what triggers it, what it may emit, whether it
 * creates its aggregate, what the default does. On the generated interface, so it follows the model.
 */
function handlerDoc(s: ServicePlan, command: Command): string[] {
  const triggers = triggersOf(s, command);
  const emits = eventsOfCommand(command);
  const success = successEvent(command);
  const doc = [
    `${command.name}${triggers.length > 0 ? ` — triggered by ${triggers.join('; ')}` : ''}.`,
    emits.length === 1 && success
      ? `Emits ${success.name}, as the default does.`
      : emits.length > 0
        ? `Emits ${emits.map((e) => `${e.name}${e.failure ? ' (failure)' : ''}`).join(', ')}.`
        : 'Emits no event.',
    generatesKey(command) ? `It creates ${article(command.aggregate.name)}: ctx.key is the key the runtime assigned or the caller gave.` : '',
    emits.length === 1 && success ? '' : `The default ${success ? `emits ${success.name}` : 'emits nothing'}.`,
  ];
  const refusal = refusalDoc(s, command);
  const lines = wrap([...doc, ...callsDoc(s, command), ...refusal.text].filter((d) => d !== '').join(' '));
  return refusal.code === undefined ? lines : [...lines, refusal.code];
}

/** The aggregate key of a command, from the handler context (the runtime's key is a string). */
function keyFromContext(key: Field): string {
  const type = tsType(key);
  if (type === 'string') return 'ctx.key';
  if (type === 'number') return 'Number(ctx.key)';
  return `ctx.key as ${type}`;
}

function defaultHandler(s: ServicePlan, command: Command): Fragment {
  const aggregate = command.aggregate;
  const key = aggregateKey(aggregate);
  const source = runtimeType('Source');
  const body: Part[] = [`const key = ${keyFromContext(key)};`];
  if (command.createdByPolicy || generatesKey(command)) {
    body.push(
      '// Creating it again (a redelivered event, a replay, a client retry) changes nothing.',
      'if (ctx.state !== undefined) return {};',
      ts`const source: ${source} = { ...command };`,
    );
  } else {
    body.push(ts`const source: ${source} = { ...ctx.state, ...command };`);
  }
  const scope: PlaceholderScope = {
    deriveParts: [quote(command.name), 'key'],
    now: 'ctx.now.toISOString()',
    urn: urnOf(s.platform.name, aggregate, 'key'),
    guard: 'ctx.placeholder',
  };
  const event = successEvent(command);
  let merged = 'source';
  if (event) {
    body.push(ts`const data: ${eventType(event)} = ${pickFields(event.payload.fields, 'source', scope, { field: key, expr: 'key' }, 0)};`);
    body.push(ts`const merged: ${source} = { ...source, ...data };`);
    merged = 'merged';
  }
  body.push(`const state = ${stateFunction(aggregate)}(${merged}, key);`);
  const calls = commandCallsOf(s, command);
  const before = calls.filter((c) => c.call.when === 'before');
  const after = calls.filter((c) => c.call.when === 'after');
  if (before.length > 0) {
    body.push(
      ...before.map((c) => `// ctx.calls.${clientMethod(c.command)}: the runtime called ${c.command.name} before this handler.`),
    );
  }
  const decided = [ts`state`, ...(event ? [ts`events: [{ event: ${quote(event.name)}, data }]`] : [])];
  if (after.length > 0) {
    body.push(`// The runtime sends these inputs once the decision is made, before it commits.`);
    const inputs = after.map((c) => ts`${clientMethod(c.command)}: ${pickFields(commandFields(c.command), merged, scope, undefined, 0)},`);
    body.push(ts`const calls: ${typeFrom('./clients.ts', callInputsType(command))} = {\n${join(inputs.map((i) => mapText(i, (t) => indent(t))), '\n')}\n};`);
    decided.push(ts`calls`);
  }
  body.push(ts`return { ${join(decided, ', ')} };`);
  return ts`${command.name}(command, ctx) {\n${mapText(join(body, '\n'), (t) => indent(t))}\n},`;
}

/** The parts of one aggregate, under a heading when the service has several. */
function aggregateSection(s: ServicePlan, aggregate: Aggregate, many: boolean): Array<Part | false> {
  const key = aggregateKey(aggregate);
  // A command with calls (ctx.calls, the third parameter) is in a service with clients (the second).
  const clients = calledTargets(s).length > 0 ? ts`, ${typeFrom('./clients.ts', 'Clients')}` : '';
  // The key is the first field marked as the key (model/resolve.ts).
  const isKey = (i: number) => i === aggregate.fields.findIndex((f) => f.key);
  const stateFields = aggregate.fields.map((f, i) => (isKey(i) ? { ...f, optional: false } : { ...f, optional: true }));
  const stateDoc = wrap(`The state of ${article(aggregate.name)}, stored as JSON under its key ${key.name}.`);
  const stateMembers = aggregate.fields.map((f, i) => ts`    ${f.name}: ${isKey(i) ? 'key' : reader(f, `source.${f.name}`)},`);
  const stateFn = ts`${docComment(`Reads ${article(aggregate.name)} state from untyped data by name (mistyped fields stay unset).`)}
export function ${stateFunction(aggregate)}(source: ${runtimeType('Source')}, key: ${tsType(key)}): ${stateType(aggregate)} {
  return {
${join(stateMembers, '\n')}
  };
}`;
  const methods = aggregate.commands.map((c) => {
    const command = typeFrom('./commands.ts', commandTypeName(c));
    const calls = commandCallsOf(s, c);
    const replies = calls.some((k) => k.call.when === 'before') ? ts`, ${typeFrom('./clients.ts', callRepliesType(c))}` : '';
    const inputs = calls.some((k) => k.call.when === 'after') ? ts`, ${typeFrom('./clients.ts', callInputsType(c))}` : '';
    const handlerContext = ts`${runtimeType('HandlerContext')}<${stateType(aggregate)}${clients}${replies}>`;
    const outcome = ts`${runtimeType('Outcome')}<${stateType(aggregate)}, ${emittedUnion(c)}${inputs}>`;
    // The signature's line breaks depend on its whole text: lay it out, then keep the imports.
    const text = signature(c.name, [`command: ${command.text}`, `ctx: ${handlerContext.text}`], outcome.text, 2, ';');
    return ts`${docComment(handlerDoc(s, c), 2)}\n  ${laidOut(text, command, handlerContext, outcome)}`;
  });
  const iface = ts`${docComment(wrap(`The command handlers of ${aggregate.name}. Yours are in src/domain/${aggregate.name}.ts.`))}\nexport interface ${handlersType(aggregate)} {\n${join(methods, '\n')}\n}`;
  const defaults = aggregate.commands.map((c) => mapText(defaultHandler(s, c), (t) => indent(t)));
  const defaultsDoc = docComment([
    ...wrap(
      `Working defaults: each merges the command into the state and emits its first non-failure event, fields taken by name. An optional field nothing provides stays unset; a required one goes through ctx.placeholder, which refuses the command ("no value for <field>") unless MSA_DEV_PLACEHOLDERS=1 (the generated tests, npm run dev) fills in the placeholder and logs it.`,
    ),
  ]);
  return [
    many && `// ${'-'.repeat(93)}\n// ${aggregate.name}`,
    `${docComment(stateDoc)}\nexport type ${stateType(aggregate)} = {\n${typeMembers(stateFields)}\n};`,
    stateFn,
    iface,
    ts`${defaultsDoc}\nexport const ${defaultsVariable(aggregate)}: ${handlersType(aggregate)} = {\n${join(defaults, '\n')}\n};`,
  ];
}

export function handlersModule(s: ServicePlan): string {
  const module = new TsModule(
    s.runtime,
    wrap(
      `Command handlers of the ${s.context.name} service: contracts and working defaults. Yours are in src/domain/.`,
    ),
  );
  const withCommands = s.context.aggregates.filter((a) => a.commands.length > 0);
  for (const aggregate of withCommands) module.add(...aggregateSection(s, aggregate, withCommands.length > 1));
  return module.toString();
}

/**
 * The user-owned handlers of an aggregate: members and the merge instruction. Each stub hands
 * the command to the generated default itself (the runtime calls it directly); the facts about
 * each command stay on the generated interface, which follows the model.
 */
export function domainFile(s: ServicePlan, aggregate: Aggregate): GeneratedFile {
  const path = `${s.context.dir}/src/domain/${aggregate.name}.ts`;
  const calling = aggregate.commands.filter((c) => commandCallsOf(s, c).length > 0);
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
        `To give a command business rules, replace its delegation with a function (command, ctx) => …: check the command against ctx.state; decide the new state and the events to emit, or call the default and adjust its decision. How to refuse a command depends on what triggers it, as its doc there says: over HTTP, throw a CommandError (from ${s.runtime}) for a 400; from an event (a policy, a compensation), a throw is retried and then dead-lettered, so return the command's failure event instead.`,
        94,
      ),
      ...(calling.length > 0
        ? [
            '',
            ...wrap(
              `The model's calls of ${calling.map((c) => c.name).join(', ')} are made by the runtime around the handler, not by it: replacing a delegation cannot drop them. The replies of \`before\` calls are ctx.calls; a decision returns the inputs of \`after\` calls as calls (its type requires them). A failed call refuses the command before the handler runs or anything is written.`,
              94,
            ),
          ]
        : []),
    ]),
    new Imports().value('../generated/handlers.ts', defaultsVariable(aggregate)).type('../generated/handlers.ts', handlersType(aggregate)).toString(),
    `export const ${handlersVariable(aggregate)}: ${handlersType(aggregate)} = {\n${members.map((m) => `${indent(m.text)},`).join('\n')}\n};`,
  );
  return userFile(path, body, { kind: 'object-members', variable: handlersVariable(aggregate), members });
}
