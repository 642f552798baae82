/**
 * Readers for untyped data (a command, an event, a stored state): each returns the value when it
 * has the field's type (and JSON Schema format), undefined otherwise. The generated default
 * handlers, policies and saga mappers pick fields by name with them, whatever produced the data.
 * The formats are the ones the schema validator checks (validation.ts takes them from here).
 */

/** Data read field by field. */
export type Source = Readonly<Record<string, unknown>>;

/** The JSON Schema string formats generated schemas use, as the validator and the readers check them. */
export const FORMATS: Readonly<Record<'uuid' | 'date' | 'date-time' | 'email' | 'uri', RegExp>> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/,
};

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function matching(value: unknown, pattern: RegExp): string | undefined {
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}

export function asUuid(value: unknown): string | undefined {
  return matching(value, FORMATS.uuid);
}

export function asDate(value: unknown): string | undefined {
  return matching(value, FORMATS.date);
}

export function asDateTime(value: unknown): string | undefined {
  return matching(value, FORMATS['date-time']);
}

export function asEmail(value: unknown): string | undefined {
  return matching(value, FORMATS.email);
}

export function asUrl(value: unknown): string | undefined {
  return matching(value, FORMATS.uri);
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

/** A list whose every item `item` accepts; undefined otherwise. */
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
