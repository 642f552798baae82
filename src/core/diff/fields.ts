/**
 * Field-level changes of a contract (an event's or a command's payload), and which readers they
 * break, in the terms of Confluent Schema Registry's compatibility types:
 *
 * - BACKWARD: a reader with the new contract reads data written with the old one (new
 *   consumers, old records still on the topic, or replayed from a DLQ);
 * - FORWARD: a reader with the old contract reads data written with the new one (consumers not
 *   yet upgraded while the producer already is);
 * - FULL: both.
 *
 * The generated readers take the fields they know and ignore others; a value of another type or
 * an unknown enum value reads as missing, and a missing required field is refused.
 */
import type { Field, FieldSelection } from '../../model/ir.js';
import { KINDS, type ChangeKind } from './kinds.js';

/** The directions a change breaks. */
export interface Breaks {
  readonly backward: boolean;
  readonly forward: boolean;
}

export interface FieldChange {
  readonly kind: ChangeKind;
  readonly field: string;
  /** Wording after `Field "x" of <subject>`: what happened to it. */
  readonly what: string;
  readonly breaks: Breaks;
  /** Where the field stands in the new contract (undefined: removed). */
  readonly pointer: string | undefined;
  readonly oldPointer: string | undefined;
}

const breaks = (backward: boolean, forward: boolean): Breaks => ({ backward, forward });

/** A field's type as one word: `string`, `int[]`, `enum`. */
export function typeName(f: Field): string {
  return `${f.type}${f.list ? '[]' : ''}`;
}

/** Where a field of a selection is written: its entry in a `fields:` list, else its own node. */
export function fieldPointer(selection: FieldSelection, name: string): string | undefined {
  const ref = selection.refs.find((r) => r.name === name);
  if (ref) return ref.pointer;
  return selection.fields.find((f) => f.name === name)?.pointer;
}

const quoteList = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** Every change between two payloads, in the order of the old fields, then the new ones. */
export function compareFields(before: FieldSelection, after: FieldSelection): FieldChange[] {
  const out: FieldChange[] = [];
  const newByName = new Map(after.fields.map((f) => [f.name, f]));
  const oldByName = new Map(before.fields.map((f) => [f.name, f]));
  for (const o of before.fields) {
    const n = newByName.get(o.name);
    const oldPointer = fieldPointer(before, o.name);
    if (!n) {
      out.push({
        kind: KINDS.fieldRemoved,
        field: o.name,
        what: o.optional ? 'was removed (it was optional)' : 'was removed; readers of the old contract require it',
        breaks: breaks(false, !o.optional),
        pointer: undefined,
        oldPointer,
      });
      continue;
    }
    const pointer = fieldPointer(after, n.name);
    const at = { field: o.name, pointer, oldPointer };
    if (typeName(o) !== typeName(n)) {
      out.push({ ...at, kind: KINDS.typeChanged, what: `changed its type from ${typeName(o)} to ${typeName(n)}`, breaks: breaks(true, true) });
      continue;
    }
    if (o.optional && !n.optional) {
      out.push({ ...at, kind: KINDS.madeRequired, what: 'became required; records written before may lack it', breaks: breaks(true, false) });
    } else if (!o.optional && n.optional) {
      out.push({ ...at, kind: KINDS.madeOptional, what: 'became optional; readers of the old contract require it', breaks: breaks(false, true) });
    }
    if (o.type === 'enum') {
      const removed = o.values.filter((v) => !n.values.includes(v));
      const added = n.values.filter((v) => !o.values.includes(v));
      if (removed.length > 0) {
        out.push({ ...at, kind: KINDS.enumValueRemoved, what: `lost the enum value${removed.length > 1 ? 's' : ''} ${quoteList(removed)}`, breaks: breaks(true, false) });
      }
      if (added.length > 0) {
        out.push({ ...at, kind: KINDS.enumValueAdded, what: `gained the enum value${added.length > 1 ? 's' : ''} ${quoteList(added)}`, breaks: breaks(false, true) });
      }
    }
  }
  for (const n of after.fields) {
    if (oldByName.has(n.name)) continue;
    out.push({
      kind: KINDS.fieldAdded,
      field: n.name,
      what: n.optional ? 'was added as an optional field' : 'was added as a required field; records written before lack it',
      breaks: breaks(!n.optional, false),
      pointer: fieldPointer(after, n.name),
      oldPointer: undefined,
    });
  }
  return out;
}
