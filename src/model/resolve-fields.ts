/** Raw fields → IR fields, and the references the IR is made of. */
import type { Field, FieldSelection, FieldType, Ref } from './ir.js';
import { joinPointer } from './pointer.js';
import type { RawField, RawFieldSelection } from './raw.js';

/** A reference by name, its position, and what it names (undefined when nothing does). */
export function ref<T>(name: string, pointer: string, target: T | undefined): Ref<T> {
  return { name, pointer, target };
}

function field(name: string, raw: RawField, pointer: string): Field {
  const spec = typeof raw === 'string' ? { type: raw } : raw;
  return {
    pointer,
    name,
    type: spec.type as FieldType,
    key: spec.key ?? false,
    pii: spec.pii ?? false,
    list: spec.list ?? false,
    optional: spec.optional ?? false,
    values: spec.values ?? [],
    description: spec.description,
  };
}

export function ownFields(map: Record<string, RawField>, pointer: string): Field[] {
  return Object.entries(map).map(([name, raw]) => field(name, raw, joinPointer(pointer, name)));
}

export function selection(
  raw: RawFieldSelection | undefined,
  pointer: string,
  aggregateFields: readonly Field[],
  fallback: () => readonly Field[],
): FieldSelection {
  if (raw === undefined) return { pointer, fields: fallback(), refs: [], explicit: false };
  if (Array.isArray(raw)) {
    const refs = raw.map((name, i) =>
      ref(
        name,
        joinPointer(pointer, i),
        aggregateFields.find((f) => f.name === name),
      ),
    );
    return { pointer, fields: refs.flatMap((r) => (r.target ? [r.target] : [])), refs, explicit: true };
  }
  return { pointer, fields: ownFields(raw, pointer), refs: [], explicit: true };
}

export function uniqueFields(list: readonly Field[]): Field[] {
  const seen = new Set<string>();
  return list.filter((f) => (seen.has(f.name) ? false : (seen.add(f.name), true)));
}
