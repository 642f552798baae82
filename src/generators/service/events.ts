/**
 * src/generated/events.ts and commands.ts of a service: the data types and definitions of the
 * events it emits or consumes and of its commands, and the JSON schemas behind them.
 */
import type { Command, Event, Model } from '../../model/valid.js';
import { commandTypeName, eventTypeName } from '../names/symbols.js';
import { commandFields as modelCommandFields } from '../plan/service.js';
import { jsonScalar } from '../emit/json.js';
import { docComment, PRINT_WIDTH, wrap } from '../ts/code.js';
import { objectSchema } from '../ts/field-types.js';
import { declare, jsonFrom, runtimeType, ts, TsModule } from '../ts/module.js';
import { objectType } from './parts.js';
import { aggregateKey, commandFields, commandRoute, generatesKey, ownEvents, serviceCommands, type CommandData, type EventData, type FieldData, type ServicePlan } from './plan.js';

export function eventSchemaId(model: Model, event: Event): string {
  return eventIdOf(model.platform.name, event);
}

export function commandSchemaId(model: Model, command: Command): string {
  return commandIdOf(model.platform.name, command);
}

const eventIdOf = (platform: string, event: { readonly name: string; readonly version: number }) => `urn:${platform}:event:${event.name}:v${event.version}`;
const commandIdOf = (platform: string, command: { readonly name: string; readonly context: { readonly name: string } }) =>
  `urn:${platform}:command:${command.context.name}:${command.name}`;

export function eventSchema(model: Model, event: Event): Record<string, unknown> {
  return serviceEventSchema(model.platform.name, event);
}

export function commandSchema(model: Model, command: Command): Record<string, unknown> {
  return commandSchemaOf(model.platform.name, command, modelCommandFields(command));
}

/** An event's JSON schema, from the model's event or the plan's copy. */
export function serviceEventSchema(platform: string, event: Event | EventData): Record<string, unknown> {
  return objectSchema(eventIdOf(platform, event), event.name, event.description, event.payload.fields);
}

/** A command's JSON schema, from the plan's copy. */
export function serviceCommandSchema(platform: string, command: CommandData): Record<string, unknown> {
  return commandSchemaOf(platform, command, commandFields(command));
}

function commandSchemaOf(
  platform: string,
  command: { readonly name: string; readonly description: string | undefined; readonly context: { readonly name: string } },
  fields: readonly FieldData[],
): Record<string, unknown> {
  return objectSchema(commandIdOf(platform, command), command.name, command.description, fields);
}

/** What an event is (its CloudEvents type is in eventDefs). */
/**
 * A JSON schema as text: JSON (escaped as emit/json.ts does), an object or array on one line when
 * that line fits in the print width, else one entry a line with a 2-space indent.
 */
export function schemaText(value: unknown): string {
  return `${compactJson(new Map(), value, 0, 0)}\n`;
}

/** The one-line forms of the objects and arrays of one schemaText call, each computed once. */
type Flats = Map<object, string>;

/** The value as JSON on one line, whatever its width. */
function flatJson(flats: Flats, value: unknown): string {
  if (value === null || typeof value !== 'object') return jsonScalar(value);
  const known = flats.get(value);
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ', ') + flatJson(flats, value[i]);
    text += ']';
  } else {
    const keys = Object.keys(value);
    if (keys.length === 0) text = '{}';
    else {
      text = '{ ';
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        text += `${i === 0 ? '' : ', '}${jsonScalar(k)}: ${flatJson(flats, (value as Record<string, unknown>)[k])}`;
      }
      text += ' }';
    }
  }
  flats.set(value, text);
  return text;
}

/** An object or array stays on one line when that line (and the comma after it) fits, else one entry a line. */
function compactJson(flats: Flats, value: unknown, level: number, column: number): string {
  if (value === null || typeof value !== 'object') return jsonScalar(value);
  // JSON on one line never holds a line break; + 1 for the comma after it.
  const inline = flatJson(flats, value);
  if (inline.length === 2 || column + inline.length + 1 <= PRINT_WIDTH) return inline;
  const pad = ' '.repeat(level + 2);
  const items: string[] = [];
  if (Array.isArray(value)) {
    for (const v of value) items.push(`${pad}${compactJson(flats, v, level + 2, level + 2)}`);
    return `[\n${items.join(',\n')}\n${' '.repeat(level)}]`;
  }
  for (const [k, v] of Object.entries(value)) {
    const head = `${jsonScalar(k)}: `;
    items.push(`${pad}${head}${compactJson(flats, v, level + 2, level + 2 + head.length)}`);
  }
  return `{\n${items.join(',\n')}\n${' '.repeat(level)}}`;
}

function eventDoc(event: EventData): string[] {
  const head = `${event.failure ? 'A failure event' : 'An event'} of ${event.aggregate.name} (${event.context.name}).`;
  return event.description ? [...wrap(head), ...wrap(event.description)] : wrap(head);
}

export function eventsModule(s: ServicePlan): string {
  const own = new Set(ownEvents(s).map((e) => e.name));
  // Data types of what it emits and of what its policies read; read models and sagas take any data.
  const typed = new Set<string>([...own, ...s.context.policies.map((p) => p.on.name)]);
  const types = s.events.filter((e) => typed.has(e.name)).map((e) => objectType(eventTypeName(e), e.payload.fields, eventDoc(e)));
  const defs: Record<string, unknown> = {};
  for (const e of s.events) {
    defs[e.name] = {
      name: e.name,
      type: e.type,
      topic: e.topic.name,
      dlqTopic: e.dlq.name,
      ...(own.has(e.name)
        ? {
            key: aggregateKey(e.aggregate).name,
            stage: `${e.context.name}.${e.name}`,
            failure: e.failure || undefined,
            schema: jsonFrom(`./schemas/${e.name}.schema.json`, `${e.name}Schema`),
          }
        : {}),
    };
  }
  return new TsModule(
    s.runtime,
    wrap(
      `Events the ${s.context.name} service emits or consumes: data types and definitions (EventDef); those of other services are copies, as of the model.`,
    ),
  )
    .add(...types)
    .add(
      ts`${docComment('In full for the events it emits; type and topics for those it only consumes.')}\n${declare('export const eventDefs = ', defs, ts` satisfies Readonly<Record<string, ${runtimeType('EventDef')}>>;`)}`,
    )
    .toString();
}

function commandDoc(command: CommandData): string[] {
  const route = commandRoute(command);
  const parts = [`A command of ${command.aggregate.name}`];
  if (route) parts.push(` (${route.method} ${route.path})`);
  const doc = wrap(`${parts.join('')}.`);
  return command.description ? [...doc, ...wrap(command.description)] : doc;
}

export function commandsModule(s: ServicePlan): string {
  const commands = serviceCommands(s);
  const types = commands.map((c) => objectType(commandTypeName(c), commandFields(c), commandDoc(c)));
  const defs: Record<string, unknown> = {};
  for (const c of commands) {
    defs[c.name] = {
      name: c.name,
      aggregate: c.aggregate.name,
      key: aggregateKey(c.aggregate).name,
      generateKey: generatesKey(c) ? true : undefined,
      emits: c.emits.map((e) => e.name),
      schema: jsonFrom(`./schemas/${c.name}.schema.json`, `${c.name}Schema`),
    };
  }
  return new TsModule(s.runtime, [`Commands of the ${s.context.name} service: their input types and definitions.`])
    .add(...types)
    .add(
      ts`${docComment('Definitions (CommandDef).')}\n${declare('export const commandDefs = ', defs, ts` satisfies Readonly<Record<string, ${runtimeType('CommandDef')}>>;`)}`,
    )
    .toString();
}
