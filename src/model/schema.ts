/**
 * Structure and types: the precompiled JSON Schema validator, with every ajv error turned into
 * a finding at the offending key or value.
 */
import type { ErrorObject } from 'ajv';
import type { Finding } from './finding.js';
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

function message(error: ErrorObject, data: unknown): Finding {
  const at = error.instancePath;
  // An error about a mapping key (propertyNames) carries the key: report it there.
  const key = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (key !== undefined) {
    const limit = (error.params as { limit?: number }).limit;
    const what = `Key ${quoteText(key)} in ${subject(at)}`;
    return {
      pointer: joinPointer(at, key),
      on: 'key',
      message:
        error.keyword === 'maxLength' && limit !== undefined
          ? `${what} is ${count(key.length)} characters long; at most ${count(limit)}`
          : `${what} ${error.message ?? 'is invalid'}`,
      hint: limit !== undefined ? `Shorten the key to at most ${count(limit)} characters.` : undefined,
    };
  }
  const value = valueAt(data, at);
  switch (error.keyword) {
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      return { pointer: at, message: `${subject(at)} is missing the required key "${key}"` };
    }
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const parentSchema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const known = Object.keys(parentSchema?.properties ?? {});
      return {
        pointer: joinPointer(at, key),
        on: 'key',
        message: `Unknown key ${quoteText(key)} in ${subject(at)}${didYouMean(key, known)}`,
        hint: known.length ? `Allowed keys: ${known.join(', ')}.` : undefined,
      };
    }
    case 'type': {
      const want = String((error.params as { type: string }).type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ');
      return { pointer: at, message: `${subject(at)} must be ${want}, not ${typeName(value)}` };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      return {
        pointer: at,
        message: `${subject(at)} must be one of ${allowed.join(', ')}, not ${shown(value)}${didYouMean(String(value), allowed)}`,
      };
    }
    case 'const': {
      const allowed = (error.params as { allowedValue: unknown }).allowedValue;
      return { pointer: at, message: `${subject(at)} must be ${JSON.stringify(allowed)}, not ${shown(value)}` };
    }
    case 'pattern': {
      const hint = PATTERN_HINTS.find(([re]) => re.test(at));
      return {
        pointer: at,
        message: `${subject(at)} must be ${hint ? hint[1] : `text matching ${(error.params as { pattern: string }).pattern}`}, not ${shown(value)}`,
      };
    }
    case 'maxLength': {
      const { limit } = error.params as { limit: number };
      const length = typeof value === 'string' ? [...value].length : 0;
      return {
        pointer: at,
        message: `${subject(at)} is ${count(length)} characters long; at most ${count(limit)}`,
        hint: `Shorten it to at most ${count(limit)} characters.`,
      };
    }
    case 'maximum': {
      const { limit } = error.params as { limit: number };
      return {
        pointer: at,
        message: `${subject(at)} is ${shown(value)}; at most ${limit}`,
        hint: `Use at most ${limit}: a larger number overflows where it ends up (a Kubernetes or Kafka setting, a Node.js timer).`,
      };
    }
    case 'uniqueItems': {
      const { i, j } = error.params as { i: number; j: number };
      return {
        pointer: joinPointer(at, i),
        message: `${subject(at)} lists ${shown((value as unknown[])[i])} twice (items ${j + 1} and ${i + 1})`,
      };
    }
    default:
      return { pointer: at, message: `${subject(at)} ${error.message ?? 'is invalid'}` };
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
      message: `must be ${[...new Set(options)].join(', or ')}; found ${typeName(value)}${
        typeof value === 'string' ? ` ${quoteText(value)}` : ''
      }`,
    });
  }
  return out;
}

/** Schema findings for a loaded value; empty when it conforms. */
export function checkSchema(data: unknown): Finding[] {
  if (validate(data)) return [];
  // A failed propertyNames check comes with the error of the key itself: that one is reported.
  const errors = simplify((validate.errors ?? []).filter((e) => e.keyword !== 'propertyNames'), data);
  return errors.map((e) => (e.keyword === 'union' ? { pointer: e.instancePath, message: `${subject(e.instancePath)} ${e.message}` } : message(e, data)));
}
