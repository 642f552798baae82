/**
 * The JSON Schemas of a model's contracts, as the generated platform enforces them: an event's
 * payload (what the producing service validates before it emits, `schemas/<Event>.schema.json`)
 * and a command's input (what the service validates before it runs the command). They come from
 * the generators' own builders (src/generators/service/events.ts over ts/field-types.ts), never
 * from a second mapping of field types, so an exported contract cannot drift from the code.
 *
 * Kept in a module of its own so other contract tools (a breaking-change diff) can share it.
 */
import type { Command, Event, Field, Model } from '../model/valid.js';
import { commandFields } from '../generators/plan/service.js';
import { commandSchema, eventSchema } from '../generators/service/events.js';
import { fieldSchema, objectSchema } from '../generators/ts/field-types.js';

export type JsonSchema = Record<string, unknown>;

/** An event's payload schema (draft 2020-12, with `$schema` and `$id`), exactly as the service validates it. */
export function eventPayloadSchema(model: Model, event: Event): JsonSchema {
  return eventSchema(model, event);
}

/** A command's input schema (draft 2020-12, with `$schema` and `$id`): payload, path parameters, the key when it may be generated. */
export function commandInputSchema(model: Model, command: Command): JsonSchema {
  return commandSchema(model, command);
}

/**
 * The schema without its `$schema` keyword, to embed in a document that fixes the dialect
 * itself (an AsyncAPI Schema Object, an OpenAPI 3.1 Schema Object).
 */
export function embedded(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

/** A command's input fields without those that travel in the route's path. */
export function bodyFields(command: Command, pathParams: readonly string[]): Field[] {
  return commandFields(command).filter((f) => !pathParams.includes(f.name));
}

/** An object schema of these fields (no `$id`, no `$schema`): a request body or a reply. */
export function fieldsSchema(title: string, description: string | undefined, fields: readonly Field[]): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = objectSchema('', title, description, fields);
  return rest;
}

/** One field's schema. */
export function singleFieldSchema(field: Field): JsonSchema {
  return fieldSchema(field);
}

/** The fields of a command's input, the route's path parameters included. */
export function commandInputFields(command: Command): Field[] {
  return commandFields(command);
}
