/**
 * Loads a YAML model once into a value and a JSON-pointer → offset map built from the same
 * js-yaml event stream, so every later finding can name a line and a column.
 */
import {
  EVENT_ID,
  SCALAR_STYLE,
  YAMLException,
  constructFromEvents,
  getScalarValue,
  parseEvents,
  type Event,
} from 'js-yaml';
import { NODE_FIELDS, readBlockYaml, type NodeTable } from './block-yaml.js';
import { constructPlain } from './construct.js';
import { escapeToken, joinPointer } from './pointer.js';
import { SourceText } from './source.js';

export const LIMITS = {
  /** Collections nested deeper than this are refused (a model needs about 8). */
  maxDepth: 64,
  /** Alias nodes (`*ref`) per document. */
  maxAliases: 200,
  /** Nodes the document would have with every alias expanded (billion laughs). */
  maxExpandedNodes: 100_000,
} as const;

export interface NodeLocation {
  /** Offset of the node's first character (the opening quote of a quoted scalar). */
  readonly start: number;
  /** Offset of the mapping key that holds the node, when it is a mapping value. */
  readonly keyStart?: number;
}

export interface SourceMap {
  readonly source: SourceText;
  /** Exact location of a pointer, or of its nearest mapped ancestor. */
  locate(pointer: string): NodeLocation;
}

export interface LoadFailure {
  readonly ok: false;
  readonly code: 'MSA001' | 'MSA002' | 'MSA003' | 'MSA004';
  readonly message: string;
  readonly offset: number;
  readonly source: SourceText;
}

export interface LoadSuccess {
  readonly ok: true;
  readonly value: unknown;
  readonly map: SourceMap;
}

export type LoadResult = LoadSuccess | LoadFailure;

/** Pointer → location, built from the events the first time a finding needs a position. */
class PointerMap implements SourceMap {
  readonly source: SourceText;
  private events: Event[] | undefined;
  private built: Map<string, NodeLocation> | undefined;

  constructor(source: SourceText, events: Event[]) {
    this.source = source;
    this.events = events;
  }

  private get locations(): Map<string, NodeLocation> {
    if (!this.built) {
      this.built = mapEvents(this.source, this.events ?? []);
      this.events = undefined;
    }
    return this.built;
  }

  locate(pointer: string): NodeLocation {
    return locateIn(this.locations, pointer);
  }
}

/** Pointer → location from the block reader's node table, built the first time a finding needs a position. */
class TableMap implements SourceMap {
  readonly source: SourceText;
  private nodes: NodeTable | undefined;
  private built: Map<string, NodeLocation> | undefined;

  constructor(source: SourceText, nodes: NodeTable) {
    this.source = source;
    this.nodes = nodes;
  }

  private get locations(): Map<string, NodeLocation> {
    if (!this.built) {
      this.built = tableLocations(this.nodes!);
      this.nodes = undefined;
    }
    return this.built;
  }

  locate(pointer: string): NodeLocation {
    return locateIn(this.locations, pointer);
  }
}

/** Pointer → location of every node of the block reader's table (the root, sequence items, mapping values). */
export function tableLocations(nodes: NodeTable): Map<string, NodeLocation> {
  const { count, columns, token } = nodes;
  const locations = new Map<string, NodeLocation>();
  const pointers: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = columns[NODE_FIELDS * i]!;
    const keyStart = columns[NODE_FIELDS * i + 1]!;
    const up = columns[NODE_FIELDS * i + 2]!;
    const pointer = up < 0 ? '' : `${pointers[up]!}/${escapeToken(token[i]!)}`;
    pointers.push(pointer);
    locations.set(pointer, keyStart < 0 ? { start } : { start, keyStart });
  }
  return locations;
}

/** The location of a pointer, or of its nearest located ancestor. */
function locateIn(locations: Map<string, NodeLocation>, pointer: string): NodeLocation {
  let p = pointer;
  for (;;) {
    const found = locations.get(p);
    if (found) return found;
    if (p === '') return { start: 0 };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

interface Frame {
  readonly kind: 'map' | 'seq';
  readonly pointer: string;
  index: number;
  /** In a mapping: the pending key and its offset, or undefined when a key comes next. */
  key: string | undefined;
  keyStart: number;
}

function nodeStart(event: Event): number {
  switch (event.type) {
    case EVENT_ID.SCALAR: {
      const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
      const start = quoted ? event.valueStart - 1 : event.valueStart;
      return event.anchorStart >= 0 ? Math.min(event.anchorStart - 1, start) : start;
    }
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.anchorStart >= 0 ? Math.min(event.anchorStart - 1, event.start) : event.start;
    case EVENT_ID.ALIAS:
      return event.anchorStart - 1;
    default:
      return 0;
  }
}

class LimitError extends Error {
  readonly offset: number;
  readonly code: LoadFailure['code'];
  constructor(code: LoadFailure['code'], message: string, offset: number) {
    super(message);
    this.code = code;
    this.offset = offset;
  }
}

/**
 * Refuses what could exhaust the process before anything is built: a second document, and
 * aliases that expand the document past LIMITS.maxExpandedNodes (billion laughs). One pass over
 * the events with no strings built but anchor names.
 */
function checkLimits(text: string, events: Event[]): void {
  const anchorSizes = new Map<string, number>();
  // Open collections: the expanded node count when each began, and its anchor. A collection's
  // expanded size is the count at its end minus the count at its start: one step per event.
  const open: Array<{ from: number; anchor: string | undefined }> = [];
  let documents = 0;
  // Nodes of the document with every alias expanded, and the part of them that aliases add.
  // The nodes written out are bounded by the file's size (--max-size); only what aliases add
  // can grow past it, so only that is limited.
  let nodes = 0;
  let added = 0;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1) throw new LimitError('MSA001', 'A model file holds one YAML document; found a second one', 0);
        break;
      case EVENT_ID.SCALAR:
        nodes += 1;
        if (event.anchorStart >= 0) anchorSizes.set(text.slice(event.anchorStart, event.anchorEnd), 1);
        break;
      case EVENT_ID.ALIAS: {
        const n = anchorSizes.get(text.slice(event.anchorStart, event.anchorEnd)) ?? 1;
        nodes += n;
        added += n;
        if (added > LIMITS.maxExpandedNodes) {
          throw new LimitError('MSA003', `Aliases add more than ${LIMITS.maxExpandedNodes} nodes to the document (an alias bomb?)`, nodeStart(event));
        }
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        open.push({ from: nodes, anchor: event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : undefined });
        nodes += 1;
        break;
      case EVENT_ID.POP: {
        const frame = open.pop();
        if (frame?.anchor !== undefined) anchorSizes.set(frame.anchor, nodes - frame.from);
        break;
      }
    }
  }
}

/** Builds pointer → location from the event stream (only when a finding needs a position). */
export function mapEvents(source: SourceText, events: Event[]): Map<string, NodeLocation> {
  const locations = new Map<string, NodeLocation>();
  const stack: Frame[] = [];
  const text = source.text;

  // Returns the pointer of the node that starts now, and records its location.
  const place = (start: number): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) {
      locations.set('', { start });
      return '';
    }
    if (top.kind === 'seq') {
      const pointer = joinPointer(top.pointer, top.index++);
      locations.set(pointer, { start });
      return pointer;
    }
    if (top.key === undefined) return undefined; // this node is a key
    const pointer = joinPointer(top.pointer, top.key);
    locations.set(pointer, { start, keyStart: top.keyStart });
    top.key = undefined;
    return pointer;
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const top = stack[stack.length - 1];
        const start = nodeStart(event);
        if (top && top.kind === 'map' && top.key === undefined) {
          top.key = getScalarValue(text, event);
          top.keyStart = start;
        } else {
          place(start);
        }
        break;
      }
      case EVENT_ID.ALIAS: {
        const start = nodeStart(event);
        const top = stack[stack.length - 1];
        if (top && top.kind === 'map' && top.key === undefined) {
          top.key = `*${text.slice(event.anchorStart, event.anchorEnd)}`;
          top.keyStart = start;
        } else {
          place(start);
        }
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const start = nodeStart(event);
        const top = stack[stack.length - 1];
        let pointer: string;
        if (top && top.kind === 'map' && top.key === undefined) {
          // A collection used as a mapping key: unusual; give it a synthetic name.
          top.key = `[key@${start}]`;
          top.keyStart = start;
          pointer = joinPointer(top.pointer, top.key);
        } else {
          pointer = place(start) ?? '';
        }
        stack.push({ kind: event.type === EVENT_ID.MAPPING ? 'map' : 'seq', pointer, index: 0, key: undefined, keyStart: start });
        break;
      }
      case EVENT_ID.POP:
        stack.pop();
        break;
    }
  }
  return locations;
}

function failure(source: SourceText, code: LoadFailure['code'], message: string, offset: number): LoadFailure {
  return { ok: false, code, message, offset, source };
}

function classify(reason: string): LoadFailure['code'] {
  if (/duplicat/i.test(reason)) return 'MSA002';
  if (/alias/i.test(reason)) return 'MSA003';
  if (/depth/i.test(reason)) return 'MSA004';
  return 'MSA001';
}

function describeYamlError(code: LoadFailure['code'], reason: string, text: string, offset: number): string {
  switch (code) {
    case 'MSA002': {
      const key = /^\s*["']?([^"':\n]+?)["']?\s*:/.exec(text.slice(offset))?.[1];
      return key ? `Duplicate key "${key}": YAML would keep only one of the two` : `Duplicate key: ${reason}`;
    }
    case 'MSA003':
      return `Too many aliases: ${reason}`;
    case 'MSA004':
      return `Nested more than ${LIMITS.maxDepth} levels deep`;
    default:
      return `YAML syntax error: ${reason}`;
  }
}

/** js-yaml's road: the limits (LIMITS), then constructFromEvents with its alias limit. */
function constructChecked(path: string, text: string, events: Event[]): unknown[] {
  checkLimits(text, events);
  return constructFromEvents(events, { source: text, filename: path, maxAliases: LIMITS.maxAliases });
}

/** Parses one YAML document; never throws for any input text. */
export function loadModelText(path: string, text: string): LoadResult {
  const source = new SourceText(path, text);
  // A model as models are written is read straight from the text; any other document (and any
  // error) takes js-yaml's road.
  const block = readBlockYaml(text, LIMITS);
  if (block !== undefined) return { ok: true, value: block.value, map: new TableMap(source, block.nodes) };
  try {
    const events = parseEvents(text, { filename: path, maxDepth: LIMITS.maxDepth });
    // A model as models are written (no anchors, aliases or tags, one document, distinct keys)
    // is built in one pass; any other document takes js-yaml's road, which words every error.
    const values = constructPlain(text, events, LIMITS) ?? constructChecked(path, text, events);
    if (values.length === 0 || values[0] === null || values[0] === undefined) {
      return failure(source, 'MSA001', 'The file is empty: a model starts with `version: 1`', 0);
    }
    return { ok: true, value: values[0], map: new PointerMap(source, events) };
  } catch (error) {
    if (error instanceof LimitError) return failure(source, error.code, error.message, error.offset);
    if (error instanceof YAMLException) {
      const offset = error.mark?.position ?? 0;
      const code = classify(error.reason);
      return failure(source, code, describeYamlError(code, error.reason, text, offset), offset);
    }
    if (error instanceof RangeError) {
      return failure(source, 'MSA004', `the document is nested too deeply (${error.message})`, 0);
    }
    throw error;
  }
}
