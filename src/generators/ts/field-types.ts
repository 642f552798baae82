/**
 * What a model field type becomes in generated code: its TypeScript type, its JSON Schema, the
 * reader that takes it from untyped data (the runtime's fields.ts), the placeholder a default
 * handler fills in when nothing provides it, and a sample value for starter tests.
 */
import { words } from '../../model/case.js';
import { isPastParticiple } from '../../model/english.js';
import type { Field as ModelField, FieldType } from '../../model/valid.js';

/** A field as the emitters read it: the model's, or a plain copy without its source pointer. */
export type Field = Omit<ModelField, 'pointer'>;
import { quote } from './code.js';
import { runtimeValue, ts, type Fragment } from './module.js';
import type { RuntimeValue } from './runtime-exports.js';

/** The TypeScript type of one value (list items included). */
function baseTsType(field: Field): string {
  switch (field.type) {
    case 'int':
    case 'number':
    case 'money':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return field.values.length > 0 ? field.values.map(quote).join(' | ') : 'string';
    default:
      return 'string';
  }
}

export function tsType(field: Field): string {
  const base = baseTsType(field);
  if (!field.list) return base;
  return base.includes('|') ? `(${base})[]` : `${base}[]`;
}

/** JSON Schema `format` of the string types that have one. */
const FORMATS: Partial<Record<FieldType, string>> = {
  uuid: 'uuid',
  url: 'uri',
  email: 'email',
  date: 'date',
  datetime: 'date-time',
};

function baseSchema(field: Field): Record<string, unknown> {
  switch (field.type) {
    case 'int':
      return { type: 'integer' };
    case 'number':
    case 'money':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return field.values.length > 0 ? { type: 'string', enum: [...field.values] } : { type: 'string' };
    case 'binary':
      return { type: 'string', contentEncoding: 'base64' };
    default: {
      const format = FORMATS[field.type];
      return format ? { type: 'string', format } : { type: 'string' };
    }
  }
}

/** A field's JSON Schema (draft 2020-12). */
export function fieldSchema(field: Field): Record<string, unknown> {
  const schema = field.list ? { type: 'array', items: baseSchema(field) } : baseSchema(field);
  return field.description ? { description: field.description, ...schema } : schema;
}

/**
 * A JSON Schema of an object with these fields: draft 2020-12, `$id`, every non-optional field
 * required, nothing else allowed.
 */
export function objectSchema(id: string, title: string, description: string | undefined, fields: readonly Field[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const f of fields) properties[f.name] = fieldSchema(f);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title,
    ...(description ? { description } : {}),
    type: 'object',
    properties,
    required: fields.filter((f) => !f.optional).map((f) => f.name),
    additionalProperties: false,
  };
}

/** Names of the runtime's field readers (templates/runtime/src/fields.ts), by field type. */
const READERS: Record<Exclude<FieldType, 'enum'>, RuntimeValue> = {
  string: 'asString',
  text: 'asString',
  binary: 'asString',
  file: 'asString',
  uuid: 'asUuid',
  url: 'asUrl',
  email: 'asEmail',
  date: 'asDate',
  datetime: 'asDateTime',
  int: 'asInt',
  number: 'asNumber',
  money: 'asNumber',
  boolean: 'asBoolean',
};

/** The runtime's reader of a single value of `field` (not an enum: asEnum takes the values too). */
export function readerOf(field: Field): Fragment | undefined {
  return field.type === 'enum' ? undefined : runtimeValue(READERS[field.type]);
}

/**
 * An expression reading `field` from `valueExpr` (an unknown value): the value when it has the
 * field's type (and format), undefined otherwise. It carries the imports of the readers it calls.
 */
export function reader(field: Field, valueExpr: string): Fragment {
  const enumValues = `[${field.values.map(quote).join(', ')}]`;
  const base = field.type === 'enum' ? runtimeValue('asEnum') : runtimeValue(READERS[field.type]);
  if (field.list) {
    const list = runtimeValue('listOf');
    if (field.type === 'enum') return ts`${list}(${valueExpr}, (item) => ${base}(item, ${enumValues}))`;
    return ts`${list}(${valueExpr}, ${base})`;
  }
  if (field.type === 'enum') return ts`${base}(${valueExpr}, ${enumValues})`;
  return ts`${base}(${valueExpr})`;
}

/** What a placeholder may be built from, as TypeScript expressions. */
export interface PlaceholderScope {
  /** deriveId arguments before the field name, e.g. `['SubmitApplication', code('key')]` as text. */
  readonly deriveParts: readonly string[];
  /** An ISO date-time string: `ctx.now.toISOString()`, `event.time`… */
  readonly now: string;
  /** The text of a template literal naming this aggregate instance: `urn:gov24:application:${key}`. */
  readonly urn: string;
  /**
   * A function the placeholder goes through, called as `guard('field', placeholder)`: a default
   * handler's `ctx.placeholder`, which refuses the command unless dev placeholders are on.
   */
  readonly guard?: string;
}

/**
 * A typed value for a required field nothing provided: a derived UUID (the same inputs give the
 * same id), the current time, a `urn:` reference, an empty string, zero, false, the first enum
 * value or an empty list. Policies and saga mappers use it as is; a default handler's goes
 * through `scope.guard` (ctx.placeholder), which refuses the command unless dev placeholders are
 * on, so no handler invents business data in production.
 */
export function placeholder(field: Field, scope: PlaceholderScope): Fragment {
  if (isOccurrenceTime(field)) return ts`${scope.now}`;
  const value = field.list
    ? ts`[]`
    : field.type === 'uuid'
      ? ts`${runtimeValue('deriveId')}(${[...scope.deriveParts, quote(field.name)].join(', ')})`
      : ts`${placeholderText(field, scope)}`;
  return scope.guard ? ts`${scope.guard}(${quote(field.name)}, ${value})` : value;
}

/**
 * A date-time field named for when something happened (`submittedAt`, `issuedAt`, `recordedAt`:
 * a past participle, then `At`). Its value, when nothing provides one, is the time the command
 * runs: a fact the runtime knows, not an invention, so it needs no dev placeholder. (`expiresAt`
 * or `dueAt` are not: they go through the guard like any other field.)
 */
export function isOccurrenceTime(field: Field): boolean {
  if (field.type !== 'datetime' || field.list) return false;
  const parts = words(field.name).map((w) => w.toLowerCase());
  return parts.length >= 2 && parts.at(-1) === 'at' && isPastParticiple(parts.at(-2)!);
}

function placeholderText(field: Field, scope: PlaceholderScope): string {
  switch (field.type) {
    case 'datetime':
      return scope.now;
    case 'date':
      return `${scope.now}.slice(0, 10)`;
    case 'url':
      return `\`${scope.urn}:${field.name}\``;
    case 'email':
      return quote('nobody@example.invalid');
    case 'int':
    case 'number':
    case 'money':
      return '0';
    case 'boolean':
      return 'false';
    case 'enum':
      return quote(field.values[0] ?? '');
    default:
      return "''";
  }
}

/** A valid sample value of one field, for starter tests. */
export function sampleValue(field: Field): unknown {
  const one = (): unknown => {
    switch (field.type) {
      case 'uuid':
        return '3f8e2b1c-6d4a-4e5f-9a7b-0c1d2e3f4a5b';
      case 'url':
        return `https://example.org/${field.name}`;
      case 'email':
        return 'someone@example.org';
      case 'date':
        return '2025-01-31';
      case 'datetime':
        return '2025-01-31T09:00:00.000Z';
      case 'int':
        return 1;
      case 'number':
        return 1.5;
      case 'money':
        return 10;
      case 'boolean':
        return true;
      case 'enum':
        return field.values[0] ?? 'value';
      case 'binary':
        return 'ZXhhbXBsZQ==';
      case 'text':
        return `Example ${field.name}.`;
      default:
        return `example-${field.name}`;
    }
  };
  return field.list ? [one()] : one();
}
