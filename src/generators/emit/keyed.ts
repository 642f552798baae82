/**
 * A file whose content is made from plain data alone, keyed by it: a platform-wide file (the
 * Helm values, the KafkaUsers, the KafkaTopics) that scaffold's reuse (src/core/service-cache.ts)
 * may take from the service record, like a service, when its input is the one the files on disk
 * were made from. `input` holds everything `make` reads, so equal inputs make equal files.
 */
import type { GeneratedFile } from '../types.js';

export interface KeyedFile {
  readonly path: string;
  /** All the file is made from, as text (`keyInput`). */
  input(): string;
  make(): GeneratedFile;
}

/** Values JSON writes like others (or leaves out): each as a tagged object of its own. */
function exact(_key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) || !Number.isFinite(value) ? { '\u0000number': Object.is(value, -0) ? '-0' : String(value) } : value;
    case 'undefined':
      return { '\u0000undefined': true };
    case 'object': {
      if (value === null) return value;
      if (Array.isArray(value)) {
        // A hole is not an undefined item: the indices that hold one say which is which.
        for (let i = 0; i < value.length; i++) if (!(i in value)) return { '\u0000sparse': Object.keys(value), items: Array.from(value as unknown[]) };
        return value;
      }
      const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
      // An instance (DoubleQuoted, FlowSequence, a Date) is told apart from a plain object with its fields.
      return proto === Object.prototype || proto === null ? value : { '\u0000instance': proto.constructor?.name ?? '?', fields: { ...value } };
    }
    case 'bigint':
    case 'function':
    case 'symbol':
      return { [`\u0000${typeof value}`]: String(value) };
    default:
      return value;
  }
}

/**
 * The key input of data: its JSON text, with what JSON writes alike told apart (-0 and 0, a
 * non-finite number and null, undefined and a missing key, an instance and a plain object), so
 * that data with the same input are written the same.
 */
export function keyInput(value: unknown): string {
  // Plain JSON data (the usual case) needs no replacer, whose call per value costs more than the
  // walk that tells.
  return (isJsonData(value) ? JSON.stringify(value) : JSON.stringify(value, exact)) ?? '';
}

/** Whether JSON writes `value` one to one: plain objects and arrays of strings, finite numbers (not -0), booleans, null. */
function isJsonData(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isJsonData(value[i])) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      // toJSON would be called on a plain object that has one: not one to one either.
      if ('toJSON' in value) return false;
      for (const key of Object.keys(value)) if (!isJsonData((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

/** A keyed file made from `data` by `content`, the data worked out once for both. */
export function keyedFile<T>(path: string, data: () => T, content: (data: T) => GeneratedFile): KeyedFile {
  let made: { value: T } | undefined;
  const get = () => (made ??= { value: data() }).value;
  return { path, input: () => keyInput(get()), make: () => content(get()) };
}
