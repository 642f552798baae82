/**
 * Builds the value of a model from js-yaml's events in one pass, and checks the loader's alias
 * limits in the same pass, for the YAML models are written in: one document of mappings,
 * sequences and untagged scalars, with distinct plain-text keys, and anchors and aliases within
 * the limits. Anything else (a tag, a second document, a key that is not text once resolved,
 * `__proto__`, a repeated key, a collection as a key, an alias of an unknown or still open
 * anchor, aliases past a limit) makes it answer undefined, and the loader takes js-yaml's own
 * road (its limits check, then constructFromEvents), which words every error.
 *
 * On what it accepts, the value is the one constructFromEvents builds (test/construct.test.ts
 * compares the two on every YAML file of the repository and on generated documents): scalars
 * resolved by the same schema (CORE_SCHEMA: null, booleans, integers, floats, else the text),
 * plain objects and arrays, keys in document order, an alias the very value of its anchor. The
 * js-yaml road allocates a frame, a value-and-tag pair per scalar and a tag entry per mapping in
 * a sequence, and walks the events a second time for the limits; on a model of 1,000 contexts
 * that was close to a tenth of the model layer's time in validate.
 */
import { CORE_SCHEMA, EVENT_ID, SCALAR_STYLE, getScalarValue, type Event } from 'js-yaml';

const NO_RANGE = -1;
const hasOwn = Object.prototype.hasOwnProperty;

export interface AliasLimits {
  /** Alias nodes per document (constructFromEvents' maxAliases). */
  readonly maxAliases: number;
  /** Nodes that aliases may add to the document once expanded. */
  readonly maxExpandedNodes: number;
}

/** An anchor: its value, and the nodes an alias of it adds (undefined while its collection is open). */
interface Anchor {
  readonly value: unknown;
  size: number | undefined;
}

/**
 * The value of a plain scalar, as CORE_SCHEMA resolves it. Most plain scalars of a model are
 * names and keys, text by the YAML 1.2 core schema at a glance: only `~`, a digit, `+`, `-`,
 * `.` or the empty scalar may start a null or a number, and the only words that are not text
 * are null, Null, NULL, true, True, TRUE, false, False and FALSE (four or five letters). Those
 * skip the schema's lookup (a candidate list per first character, and an object per scalar);
 * anything else is resolved by the schema itself.
 */
export function plainScalar(source: string): unknown {
  const c = source.charCodeAt(0);
  const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (letter) {
    // Four or five letters: a null or a boolean word in one of its three spellings, else text.
    const length = source.length;
    if (length !== 4 && length !== 5) return source;
    switch (source) {
      case 'null':
      case 'Null':
      case 'NULL':
        return null;
      case 'true':
      case 'True':
      case 'TRUE':
        return true;
      case 'false':
      case 'False':
      case 'FALSE':
        return false;
      default:
        return source;
    }
  }
  return CORE_SCHEMA.resolveImplicitScalarTag(source).value;
}

/** The documents' values as constructFromEvents would build them, or undefined when this pass does not cover the events. */
export function constructPlain(text: string, events: readonly Event[], limits: AliasLimits): unknown[] | undefined {
  const documents: unknown[] = [];
  // Open collections, innermost last: the container, and for a mapping the pending key (undefined: a key comes next).
  const containers: Array<Record<string, unknown> | unknown[]> = [];
  const isMap: boolean[] = [];
  const keys: Array<string | undefined> = [];
  // Per open collection: the node count when it began, and its anchor.
  const from: number[] = [];
  const anchorOf: Array<Anchor | undefined> = [];
  const anchors = new Map<string, Anchor>();
  // The document's nodes with every alias expanded, those aliases add, and the aliases.
  let nodes = 0;
  let added = 0;
  let aliases = 0;
  let depth = 0;
  let inDocument = false;
  let docValue: unknown;
  let docHasValue = false;

  const add = (value: unknown): boolean => {
    if (depth === 0) {
      if (docHasValue) return false;
      docValue = value;
      docHasValue = true;
      return true;
    }
    const top = depth - 1;
    const container = containers[top]!;
    if (!isMap[top]) {
      (container as unknown[]).push(value);
      return true;
    }
    const key = keys[top];
    if (key === undefined) {
      // This value is a key: text only, not __proto__, not met before in this mapping.
      if (typeof value !== 'string' || value === '__proto__' || hasOwn.call(container, value)) return false;
      keys[top] = value;
      return true;
    }
    (container as Record<string, unknown>)[key] = value;
    keys[top] = undefined;
    return true;
  };

  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (inDocument || documents.length > 0) return undefined;
        inDocument = true;
        break;
      case EVENT_ID.SCALAR: {
        if (event.tagStart !== NO_RANGE || !inDocument) return undefined;
        const source = getScalarValue(text, event);
        const value = event.style === SCALAR_STYLE.PLAIN ? plainScalar(source) : source;
        nodes += 1;
        if (event.anchorStart !== NO_RANGE) anchors.set(text.slice(event.anchorStart, event.anchorEnd), { value, size: 1 });
        if (!add(value)) return undefined;
        break;
      }
      case EVENT_ID.ALIAS: {
        if (!inDocument) return undefined;
        const anchor = anchors.get(text.slice(event.anchorStart, event.anchorEnd));
        if (anchor === undefined || anchor.size === undefined) return undefined;
        nodes += anchor.size;
        added += anchor.size;
        if (++aliases > limits.maxAliases || added > limits.maxExpandedNodes) return undefined;
        if (!add(anchor.value)) return undefined;
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (event.tagStart !== NO_RANGE || !inDocument) return undefined;
        // A collection as a mapping key: js-yaml's road refuses it in its own words.
        if (depth > 0 && isMap[depth - 1] && keys[depth - 1] === undefined) return undefined;
        const map = event.type === EVENT_ID.MAPPING;
        const container = map ? {} : [];
        let anchor: Anchor | undefined;
        if (event.anchorStart !== NO_RANGE) {
          anchor = { value: container, size: undefined };
          anchors.set(text.slice(event.anchorStart, event.anchorEnd), anchor);
        }
        containers[depth] = container;
        isMap[depth] = map;
        keys[depth] = undefined;
        from[depth] = nodes;
        anchorOf[depth] = anchor;
        nodes += 1;
        depth++;
        break;
      }
      case EVENT_ID.POP: {
        if (depth === 0) {
          if (!inDocument) return undefined;
          documents.push(docHasValue ? docValue : undefined);
          inDocument = false;
          docValue = undefined;
          docHasValue = false;
          break;
        }
        depth--;
        if (isMap[depth] && keys[depth] !== undefined) return undefined;
        const anchor = anchorOf[depth];
        if (anchor !== undefined) anchor.size = nodes - from[depth]!;
        if (!add(containers[depth])) return undefined;
        break;
      }
      default:
        return undefined;
    }
  }
  if (inDocument || depth > 0) return undefined;
  return documents;
}
