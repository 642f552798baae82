/**
 * Structure and types: the precompiled JSON Schema validator, with every ajv error turned into
 * a finding at the offending key or value.
 */
import type { ErrorObject } from 'ajv';
import type { rule as schemaRule } from './rules/msa010-schema.js';
import type { FindingOf } from './rules/rule.js';
import { joinPointer, splitPointer } from './pointer.js';
import { validate } from './schema/validate-model.js';
import { didYouMean } from './suggest.js';
import { clipMiddle as clip, count, quoteText } from './quote.js';

/** `/contexts/0/aggregates/1/name` → `contexts[0].aggregates[1].name`. */
export function describePointer(pointer: string): string {
  let out = '';
  for (const token of splitPointer(pointer)) {
    if (/^\d+$/.test(token)) out += `[${token}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(token)) out += (out ? '.' : '') + token;
    else out += `[${quoteText(token)}]`;
  }
  return out || 'the model';
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const token of splitPointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[token];
  }
  return cur;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan (not a number)';
    if (!Number.isFinite(value)) return 'infinite';
    return Number.isInteger(value) ? 'an integer' : 'a number';
  }
  return `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a map',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

const PATTERN_HINTS: Array<[RegExp, string]> = [
  [/\/http$/, 'a route of the form "METHOD /path", e.g. "POST /applications/general"'],
  [/\/cpu$/, 'a Kubernetes CPU quantity such as 250m or 1'],
  [/\/memory$/, 'a Kubernetes memory quantity such as 256Mi'],
];

function subject(pointer: string): string {
  return pointer === '' ? 'the model' : `"${describePointer(pointer)}"`;
}

/** A value for a message: strings quoted and clipped, others as JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return quoteText(value);
  return clip(JSON.stringify(value) ?? String(value));
}

/** A finding of MSA010. */
export type SchemaFinding = FindingOf<(typeof schemaRule)['messages']>;

function finding(error: ErrorObject, data: unknown): SchemaFinding {
  const at = error.instancePath;
  // An error about a mapping key (propertyNames) carries the key: report it there.
  const key = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (key !== undefined) {
    const limit = (error.params as { limit?: number }).limit;
    const about = { key: quoteText(key), subject: subject(at) };
    if (limit !== undefined) {
      return { pointer: joinPointer(at, key), on: 'key', messageId: 'keyTooLong', data: { ...about, length: count(key.length), limit: count(limit) } };
    }
    return { pointer: joinPointer(at, key), on: 'key', messageId: 'keyInvalid', data: { ...about, problem: error.message ?? 'is invalid' } };
  }
  const value = valueAt(data, at);
  switch (error.keyword) {
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      return { pointer: at, messageId: 'required', data: { subject: subject(at), key } };
    }
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const parentSchema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const known = Object.keys(parentSchema?.properties ?? {});
      return {
        pointer: joinPointer(at, key),
        on: 'key',
        messageId: 'unknownKey',
        data: { key: quoteText(key), subject: subject(at), suggestion: didYouMean(key, known), allowed: known.join(', ') },
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ');
      return { pointer: at, messageId: 'wrongType', data: { subject: subject(at), expected, actual: typeName(value) } };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      return {
        pointer: at,
        messageId: 'notInEnum',
        data: { subject: subject(at), allowed: allowed.join(', '), value: shown(value), suggestion: didYouMean(String(value), allowed) },
      };
    }
    case 'const': {
      const allowed = (error.params as { allowedValue: unknown }).allowedValue;
      return { pointer: at, messageId: 'notConst', data: { subject: subject(at), expected: JSON.stringify(allowed), value: shown(value) } };
    }
    case 'pattern': {
      const hint = PATTERN_HINTS.find(([re]) => re.test(at));
      const expected = hint ? hint[1] : `text matching ${(error.params as { pattern: string }).pattern}`;
      return { pointer: at, messageId: 'noMatch', data: { subject: subject(at), expected, value: shown(value) } };
    }
    case 'maxLength': {
      const { limit } = error.params as { limit: number };
      const length = typeof value === 'string' ? [...value].length : 0;
      return { pointer: at, messageId: 'tooLong', data: { subject: subject(at), length: count(length), limit: count(limit) } };
    }
    case 'maximum': {
      const { limit } = error.params as { limit: number };
      return { pointer: at, messageId: 'tooLarge', data: { subject: subject(at), value: shown(value), limit } };
    }
    case 'uniqueItems': {
      const { i, j } = error.params as { i: number; j: number };
      return {
        pointer: joinPointer(at, i),
        messageId: 'duplicateItem',
        data: { subject: subject(at), value: shown((value as unknown[])[i]), first: j + 1, second: i + 1 },
      };
    }
    case 'union': {
      const { expected, actual } = error.params as { expected: string; actual: string };
      return { pointer: at, messageId: 'noShape', data: { subject: subject(at), expected, actual } };
    }
    default:
      return { pointer: at, messageId: 'invalid', data: { subject: subject(at), problem: error.message ?? 'is invalid' } };
  }
}

/**
 * For `oneOf`/`anyOf` failures keep only the errors of the branches that fit the value's kind
 * (a map → the map branch's errors; a scalar → the scalar branch's); when none is left, one
 * "must be A, or B" error stands for all of them. In this schema a union is the only schema
 * applied at its path, so every error at or below it belongs to the union.
 */
function simplify(errors: readonly ErrorObject[], data: unknown): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  let out = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  for (const union of unions) {
    const at = union.instancePath;
    const members = out.filter((e) => e.instancePath === at || e.instancePath.startsWith(`${at}/`));
    if (members.length === 0) continue;
    const value = valueAt(data, at);
    const isCollection = value !== null && typeof value === 'object';
    const viable = members.filter((e) => {
      if (e.instancePath !== at) return isCollection;
      if (e.keyword === 'type') return false;
      if (e.keyword === 'enum' || e.keyword === 'const') return !isCollection;
      return true;
    });
    out = out.filter((e) => !members.includes(e));
    if (viable.length > 0) {
      out.push(...viable);
      continue;
    }
    const options = members
      .filter((e) => e.instancePath === at)
      .map((e) => {
        const params = e.params as { type?: string; allowedValues?: unknown[]; allowedValue?: unknown };
        if (e.keyword === 'type') return TYPE_WORDS[String(params.type)] ?? String(params.type);
        if (e.keyword === 'enum') return `one of ${(params.allowedValues ?? []).join(', ')}`;
        if (e.keyword === 'const') return JSON.stringify(params.allowedValue);
        return e.message ?? '';
      });
    out.push({
      ...union,
      keyword: 'union',
      params: {
        expected: [...new Set(options)].join(', or '),
        actual: `${typeName(value)}${typeof value === 'string' ? ` ${quoteText(value)}` : ''}`,
      },
    });
  }
  return out;
}

/** Schema findings for a loaded value; empty when it conforms. */
export function checkSchema(data: unknown): SchemaFinding[] {
  if (validate(data)) return [];
  // A failed propertyNames check comes with the error of the key itself: that one is reported.
  const errors = simplify((validate.errors ?? []).filter((e) => e.keyword !== 'propertyNames'), data);
  return errors.map((e) => finding(e, data));
}
