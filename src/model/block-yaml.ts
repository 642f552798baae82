/**
 * Reads the YAML models are written in, straight from the text, without js-yaml's event list: a
 * document whose root is a block mapping of plain-text keys, block mappings and sequences, flow
 * mappings and sequences on one line, one-line scalars (plain, single-quoted, or double-quoted
 * without escapes), block scalars of one indentation (`|`, `|-`, `>`, `>-`), and anchors on
 * one-line values outside flow collections with their aliases, within the loader's alias limits.
 * Anything else (a tag, another anchor or alias, another block scalar, a scalar or flow
 * collection over several lines, an empty value, a tab, a carriage return, a document marker, a
 * repeated key, a key that is not text or looks like an array index, `__proto__`, `<<`, a
 * character YAML refuses or treats as a line break, a plain scalar that starts with an
 * indicator) makes it answer undefined, and the loader takes js-yaml's road, which words every
 * error. It never answers for a text js-yaml refuses.
 *
 * On what it accepts, the value is the one js-yaml builds (test/block-yaml.test.ts compares
 * the two on every YAML file of the repository and on mutated ones), and the node table holds
 * what the loader's pointer map would locate: each node's first character and, for a mapping
 * value, its key's. The table is numbers and the keys already in the value, not an object per
 * node or per parser event: on a model of 1,000 contexts js-yaml's events were 71,000 objects
 * kept until the end of the run.
 */
import { plainScalar, type AliasLimits } from './construct.js';
import {
  AMPERSAND,
  ASTERISK,
  COLON,
  COMMA,
  DQUOTE,
  GREATER,
  HASH,
  LBRACE,
  LBRACKET,
  LEFT_TO_JS_YAML,
  LF,
  NOT_COVERED,
  PIPE,
  RBRACE,
  RBRACKET,
  SPACE,
  SQUOTE,
  Scanner,
  fail,
} from './yaml-scanner.js';

/** The nodes of a document in document order (keys are not nodes), as flat columns. */
export interface NodeTable {
  readonly count: number;
  /**
   * NODE_FIELDS numbers per node: the offset of its first character (the opening quote of a
   * quoted scalar), the offset of the key that holds it or -1 when it is not a mapping value,
   * and the index of its parent or -1 for the root.
   */
  readonly columns: Int32Array;
  /** The node's key in its parent mapping, or its index in its parent sequence (unused for the root). */
  readonly token: Array<string | number>;
}

/** Numbers per node in NodeTable.columns: start, key start, parent. */
export const NODE_FIELDS = 3;

export interface BlockYaml {
  readonly value: Record<string, unknown>;
  readonly nodes: NodeTable;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** A key that an object would not keep in document order, or that js-yaml treats apart. */
function isAwkwardKey(key: string): boolean {
  if (key === '__proto__' || key === '<<') return true;
  const c = key.charCodeAt(0);
  // An array index ("0", "12"): objects list those first, whatever the document's order.
  return c >= 0x30 && c <= 0x39 && /^(?:0|[1-9][0-9]*)$/.test(key);
}

const MAX_DEPTH = 48;
/** YAML limits an implicit key to 1024 characters; well below that, the reader answers. */
const MAX_KEY = 1000;

/** The document's value and node table, or undefined when the text is not one the reader covers. */
export function readBlockYaml(text: string, limits: AliasLimits): BlockYaml | undefined {
  if (LEFT_TO_JS_YAML.test(text)) return undefined;
  try {
    return new Reader(text, limits).document();
  } catch (error) {
    if (error === NOT_COVERED) return undefined;
    throw error;
  }
}

class Reader extends Scanner {
  private depth = 0;
  private columns = new Int32Array(NODE_FIELDS * 1024);
  private count = 0;
  private readonly token: Array<string | number> = [];
  private readonly limits: AliasLimits;
  /** Anchors by name: the value, and the nodes (keys included) an alias of it adds. */
  private readonly anchors = new Map<string, { readonly value: unknown; readonly size: number }>();
  /** Nodes and keys read so far, aliases expanded; what aliases added; aliases. */
  private seen = 0;
  private added = 0;
  private aliases = 0;

  constructor(text: string, limits: AliasLimits) {
    super(text);
    this.limits = limits;
  }

  document(): BlockYaml {
    const column = this.nextContent();
    if (column !== 0) fail();
    const root = this.node(this.pos, -1, -1, 0);
    const value = this.blockMapping(0, root);
    if (this.pos < this.n) fail();
    return { value, nodes: { count: this.count, columns: this.columns.subarray(0, NODE_FIELDS * this.count), token: this.token } };
  }

  private node(start: number, keyStart: number, parent: number, token: string | number): number {
    const i = this.count++;
    this.seen++;
    let columns = this.columns;
    if (NODE_FIELDS * this.count > columns.length) {
      columns = new Int32Array(columns.length * 2);
      columns.set(this.columns);
      this.columns = columns;
    }
    const at = NODE_FIELDS * i;
    columns[at] = start;
    columns[at + 1] = keyStart;
    columns[at + 2] = parent;
    this.token.push(token);
    return i;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) fail();
  }

  /** A block mapping whose keys are at `indent`; this.pos is on its first key. */
  private blockMapping(indent: number, self: number): Record<string, unknown> {
    this.enter();
    const map: Record<string, unknown> = {};
    for (;;) {
      const keyStart = this.pos;
      const key = this.key(false);
      if (hasOwn.call(map, key)) fail();
      // this.pos is after the colon.
      map[key] = this.mappingValue(indent, keyStart, self, key);
      const column = this.nextContent();
      if (column < indent) break; // the end of the text (-1) or of this mapping
      if (column > indent) fail();
    }
    this.depth--;
    return map;
  }

  /** The value after `key:`, inline or on the lines below. */
  private mappingValue(indent: number, keyStart: number, parent: number, key: string): unknown {
    const { text } = this;
    let pos = this.pos;
    while (pos < this.n && text.charCodeAt(pos) === SPACE) pos++;
    const c = pos < this.n ? text.charCodeAt(pos) : LF;
    if (c === LF || (c === HASH && pos > this.pos)) {
      this.pos = pos;
      const column = this.nextContent();
      const at = this.pos;
      if (column > indent) return this.blockNode(column, this.node(at, keyStart, parent, key));
      // A sequence may sit at its key's indentation.
      if (column === indent && this.isDash(at)) return this.blockSequence(column, this.node(at, keyStart, parent, key));
      return fail(); // an empty value (null), left to js-yaml
    }
    if (pos === this.pos) fail(); // `key:value` is a plain scalar, not a key
    this.pos = pos;
    const value = this.flowOrScalar(false, keyStart, parent, key, indent);
    this.endOfLine();
    return value;
  }

  /** A block mapping or sequence starting at this.pos, at `column`; a scalar alone on its line is left to js-yaml. */
  private blockNode(column: number, self: number): unknown {
    if (this.isDash(this.pos)) return this.blockSequence(column, self);
    if (!this.startsKey()) fail();
    return this.blockMapping(column, self);
  }

  /** A block sequence whose dashes are at `indent`; this.pos is on its first dash. */
  private blockSequence(indent: number, self: number): unknown[] {
    this.enter();
    const list: unknown[] = [];
    const { text } = this;
    for (;;) {
      let pos = this.pos + 1;
      while (pos < this.n && text.charCodeAt(pos) === SPACE) pos++;
      const c = pos < this.n ? text.charCodeAt(pos) : LF;
      const index = list.length;
      if (c === LF || (c === HASH && pos > this.pos + 1)) {
        this.pos = pos;
        const column = this.nextContent();
        if (column <= indent) fail(); // an empty item (null), left to js-yaml
        list.push(this.blockNode(column, this.node(this.pos, -1, self, index)));
      } else {
        this.pos = pos;
        if (this.isDash(pos)) fail(); // `- - a`
        if (this.startsKey()) {
          // A mapping on the dash's line: its keys at the first key's column.
          list.push(this.blockMapping(pos - this.lineStart, this.node(pos, -1, self, index)));
        } else {
          list.push(this.flowOrScalar(false, -1, self, index, indent));
          this.endOfLine();
        }
      }
      if (this.afterItem(this.nextContent(), indent)) break;
    }
    this.depth--;
    return list;
  }

  /**
   * After an item: false on the next dash, true at the sequence's end (a line less indented, or
   * as indented without a dash: the next key of the mapping the sequence is a value of, which
   * that mapping checks), else not covered.
   */
  private afterItem(column: number, indent: number): boolean {
    if (column < indent) return true;
    if (column === indent) return !this.isDash(this.pos);
    return fail();
  }

  /** A key at this.pos: a plain or quoted scalar that resolves to text, then `:`; leaves this.pos after the colon. */
  private key(flow: boolean): string {
    const { text } = this;
    const c = text.charCodeAt(this.pos);
    let key: string;
    if (c === SQUOTE || c === DQUOTE) {
      key = this.quoted(c);
    } else {
      const source = this.plain(flow);
      const value = plainScalar(source);
      if (typeof value !== 'string') fail();
      key = value as string;
    }
    if (key.length > MAX_KEY || isAwkwardKey(key)) fail();
    this.seen++;
    if (this.pos >= this.n || text.charCodeAt(this.pos) !== COLON) fail();
    this.pos++;
    const next = this.pos < this.n ? text.charCodeAt(this.pos) : LF;
    if (next !== SPACE && next !== LF) fail();
    return key;
  }

  /**
   * A flow collection or a scalar at this.pos, as a node of `parent`; outside flow collections
   * also an anchor before one, an alias, or a block scalar (`indent`: the indentation of the
   * mapping or sequence it is in, -1 in a flow collection).
   */
  private flowOrScalar(flow: boolean, keyStart: number, parent: number, token: string | number, indent: number): unknown {
    const { text } = this;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (!flow) {
      if (c === AMPERSAND) return this.anchored(keyStart, parent, token);
      if (c === ASTERISK) return this.alias(keyStart, parent, token);
      if (c === PIPE || c === GREATER) {
        const value = this.blockScalar(c === GREATER, indent);
        this.node(this.scalarStart, keyStart, parent, token);
        return value;
      }
    }
    return this.flowOrScalarAt(flow, start, keyStart, parent, token);
  }

  /** A flow collection or a scalar at this.pos, as a node that starts at `start` (its anchor, if any). */
  private flowOrScalarAt(flow: boolean, start: number, keyStart: number, parent: number, token: string | number): unknown {
    const { text } = this;
    const c = text.charCodeAt(this.pos);
    if (c === LBRACE) return this.flowMapping(this.node(start, keyStart, parent, token));
    if (c === LBRACKET) return this.flowSequence(this.node(start, keyStart, parent, token));
    this.node(start, keyStart, parent, token);
    if (c === SQUOTE || c === DQUOTE) return this.quoted(c);
    const value = plainScalar(this.plain(flow));
    // A plain scalar followed by `: ` is a key where a value was expected: left to js-yaml.
    if (this.pos < this.n && text.charCodeAt(this.pos) === COLON) fail();
    return value;
  }

  /** `&name value` on one line, the value a flow collection or a scalar. */
  private anchored(keyStart: number, parent: number, token: string | number): unknown {
    const { text } = this;
    const start = this.pos;
    const name = this.anchorName();
    if (this.pos >= this.n || text.charCodeAt(this.pos) !== SPACE) fail();
    const c = this.skipSpaces();
    if (c === LF || c === HASH || c === AMPERSAND || c === ASTERISK || c === PIPE || c === GREATER) fail();
    const before = this.seen;
    const value = this.flowOrScalarAt(false, start, keyStart, parent, token);
    this.anchors.set(name, { value, size: this.seen - before });
    return value;
  }

  /** `*name`: the anchor's value itself, within the alias limits. */
  private alias(keyStart: number, parent: number, token: string | number): unknown {
    const start = this.pos;
    const anchor = this.anchors.get(this.anchorName());
    if (anchor === undefined) return fail();
    this.node(start, keyStart, parent, token);
    this.seen += anchor.size - 1;
    this.added += anchor.size;
    if (++this.aliases > this.limits.maxAliases || this.added > this.limits.maxExpandedNodes) fail();
    return anchor.value;
  }

  /** `{ key: value, … }` on one line; this.pos is on the brace. */
  private flowMapping(self: number): Record<string, unknown> {
    this.enter();
    const map: Record<string, unknown> = {};
    this.pos++;
    let c = this.skipSpaces();
    if (c === RBRACE) {
      this.pos++;
      this.depth--;
      return map;
    }
    for (;;) {
      const keyStart = this.pos;
      const key = this.key(true);
      if (hasOwn.call(map, key)) fail();
      c = this.skipSpaces();
      if (c === COMMA || c === RBRACE || c === LF || c === HASH) fail(); // an empty value
      map[key] = this.flowOrScalar(true, keyStart, self, key, -1);
      c = this.skipSpaces();
      this.pos++;
      if (c === RBRACE) break;
      if (c !== COMMA) fail();
      c = this.skipSpaces();
      if (c === RBRACE || c === COMMA || c === LF || c === HASH) fail(); // a trailing comma, or the line ends
    }
    this.depth--;
    return map;
  }

  /** `[ item, … ]` on one line; this.pos is on the bracket. */
  private flowSequence(self: number): unknown[] {
    this.enter();
    const list: unknown[] = [];
    this.pos++;
    let c = this.skipSpaces();
    if (c === RBRACKET) {
      this.pos++;
      this.depth--;
      return list;
    }
    for (;;) {
      if (c === COMMA || c === LF || c === HASH) fail();
      list.push(this.flowOrScalar(true, -1, self, list.length, -1));
      c = this.skipSpaces();
      this.pos++;
      if (c === RBRACKET) break;
      if (c !== COMMA) fail(); // among others `[a: b]`, a one-pair mapping
      c = this.skipSpaces();
      if (c === RBRACKET) fail(); // a trailing comma
    }
    this.depth--;
    return list;
  }
}
