/**
 * Mutants of a reference model (models/gov24.yaml): tree mutations that delete, duplicate,
 * retype and rename nodes at random depths, several per mutant, and, for a share of mutants,
 * raw-text mutations on top (byte flips, truncations, inserted YAML syntax). Every target is an
 * index taken modulo what is there, so mutants shrink toward fewer and shallower mutations.
 */
import fc from 'fast-check';
import { load } from 'js-yaml';
import { escapeNote, toYaml, type ModelCase } from './cases.js';
import { hostileName } from './names.js';
import type { Json, JsonObject } from './settings.js';

export type TreeMutation =
  | { readonly kind: 'delete'; readonly depth: number; readonly node: number }
  | { readonly kind: 'duplicate'; readonly depth: number; readonly node: number }
  | { readonly kind: 'retype'; readonly depth: number; readonly node: number; readonly to: RetypeTarget }
  | { readonly kind: 'rename-key'; readonly depth: number; readonly node: number; readonly to: NewName }
  | { readonly kind: 'rename-value'; readonly depth: number; readonly node: number; readonly to: NewName };

export type RetypeTarget = 'string' | 'number' | 'boolean' | 'list' | 'map' | 'null';

/** A new name: another name of the model (index into its strings), or a hostile one. */
export type NewName = { readonly from: 'model'; readonly index: number } | { readonly from: 'hostile'; readonly name: string };

export type TextMutation =
  | { readonly kind: 'flip'; readonly at: number; readonly byte: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly snippet: string }
  | { readonly kind: 'delete-range'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate-line'; readonly at: number };

const YAML_SNIPPETS = [
  ': ',
  '- ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '&a ',
  '*a',
  '*major-ha',
  '!!str ',
  '!!binary ',
  '!!js/undefined ',
  '? ',
  '|',
  '>-',
  '\n---\n',
  '\n...\n',
  '#',
  "'",
  '"',
  '\t',
  '%YAML 1.1\n',
  '\n<<: *major-ha\n',
  '\u0000',
  '\ufeff',
  '\r',
  '\u2028',
  '\n  ',
  '\n',
  '~',
  '0x1F',
  '.inf',
  '2024-01-01',
  'null',
] as const;

const index = () => fc.nat({ max: 10_000 });
const depth = () => fc.nat({ max: 8 });

const newName = (): fc.Arbitrary<NewName> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ from: fc.constant('model' as const), index: index() }) },
    { weight: 1, arbitrary: fc.record({ from: fc.constant('hostile' as const), name: hostileName() }) },
  );

export const treeMutation = (): fc.Arbitrary<TreeMutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), depth: depth(), node: index() }),
    fc.record({ kind: fc.constant('duplicate' as const), depth: depth(), node: index() }),
    fc.record({
      kind: fc.constant('retype' as const),
      depth: depth(),
      node: index(),
      to: fc.constantFrom<RetypeTarget>('string', 'number', 'boolean', 'list', 'map', 'null'),
    }),
    fc.record({ kind: fc.constant('rename-key' as const), depth: depth(), node: index(), to: newName() }),
    fc.record({ kind: fc.constant('rename-value' as const), depth: depth(), node: index(), to: newName() }),
  );

export const textMutation = (): fc.Arbitrary<TextMutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.nat({ max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), snippet: fc.constantFrom(...YAML_SNIPPETS) }),
    fc.record({ kind: fc.constant('delete-range' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  );

// ---------------------------------------------------------------------------------------------
// Tree mutations

type Container = JsonObject | Json[];

interface NodeRef {
  readonly parent: Container;
  /** Key in a map, index in a list. */
  readonly key: string | number;
  readonly path: string;
}

function nodesAtDepth(root: Json, wanted: number): NodeRef[] {
  const out: NodeRef[] = [];
  const walk = (value: Json, d: number, path: string) => {
    if (value === null || typeof value !== 'object') return;
    const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [k, v] of entries) {
      const p = `${path}/${k}`;
      if (d === wanted) out.push({ parent: value, key: k, path: p });
      else walk(v, d + 1, p);
    }
  };
  walk(root, 0, '');
  return out;
}

/** The node at `depth` (or the deepest level that has nodes) with index `node`. */
function locate(root: Json, depth: number, node: number): NodeRef | undefined {
  for (let d = depth; d >= 0; d--) {
    const nodes = nodesAtDepth(root, d);
    if (nodes.length > 0) return nodes[node % nodes.length];
  }
  return undefined;
}

const get = (ref: NodeRef): Json => (Array.isArray(ref.parent) ? ref.parent[ref.key as number]! : (ref.parent as JsonObject)[ref.key as string]!);
const set = (ref: NodeRef, value: Json) => {
  if (Array.isArray(ref.parent)) ref.parent[ref.key as number] = value;
  else (ref.parent as JsonObject)[ref.key as string] = value;
};

function strings(root: Json): string[] {
  const out = new Set<string>();
  const walk = (v: Json) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        out.add(k);
        walk(x);
      }
  };
  walk(root);
  return [...out].sort();
}

function retyped(value: Json, to: RetypeTarget): Json {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? 'null';
  switch (to) {
    case 'string':
      return typeof value === 'string' ? `${value}x` : text;
    case 'number':
      return typeof value === 'number' ? -value - 1 : 42;
    case 'boolean':
      return typeof value === 'boolean' ? !value : true;
    case 'list':
      return Array.isArray(value) ? [] : [value];
    case 'map':
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? {} : { [text.slice(0, 40) || 'x']: value };
    case 'null':
      return null;
  }
}

function clone<T extends Json>(v: T): T {
  return structuredClone(v);
}

/** Applies one tree mutation in place; returns what it did. */
export function applyTreeMutation(root: JsonObject, m: TreeMutation): string | undefined {
  const ref = locate(root, m.depth, m.node);
  if (!ref) return undefined;
  const pool = strings(root);
  const nameOf = (n: NewName) => (n.from === 'hostile' ? n.name : pool[n.index % pool.length]!);
  const value = get(ref);
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(ref.parent)) ref.parent.splice(ref.key as number, 1);
      else delete ref.parent[ref.key as string];
      return `delete ${ref.path}`;
    case 'duplicate':
      if (Array.isArray(ref.parent)) {
        ref.parent.splice((ref.key as number) + 1, 0, clone(value));
        return `duplicate ${ref.path}`;
      }
      // A map entry duplicated under its sibling's key would only replace it: copy it into its
      // value instead when that is a list, else duplicate the whole map into a list.
      set(ref, Array.isArray(value) ? [...value, ...clone(value)] : value);
      return Array.isArray(value) ? `duplicate the items of ${ref.path}` : undefined;
    case 'retype':
      set(ref, retyped(value, m.to));
      return `retype ${ref.path} to ${m.to}`;
    case 'rename-key': {
      if (Array.isArray(ref.parent)) return undefined;
      const to = nameOf(m.to);
      if (to in ref.parent) return undefined;
      const entries = Object.entries(ref.parent).map(([k, v]) => [k === ref.key ? to : k, v] as const);
      for (const k of Object.keys(ref.parent)) delete ref.parent[k];
      for (const [k, v] of entries) ref.parent[k] = v;
      return `rename key ${ref.path} to ${JSON.stringify(to)}`;
    }
    case 'rename-value': {
      if (typeof value !== 'string') return undefined;
      const to = nameOf(m.to);
      set(ref, to);
      return `rename value ${ref.path} ${JSON.stringify(value)} to ${JSON.stringify(to)}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Text mutations

const encoder = new TextEncoder();

function applyTextMutation(bytes: Uint8Array, m: TextMutation): { bytes: Uint8Array; note: string } {
  const at = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return { bytes, note: 'flip (empty)' };
      const out = bytes.slice();
      const i = at % bytes.length;
      out[i] = m.byte;
      return { bytes: out, note: `byte ${i} := 0x${m.byte.toString(16)}` };
    }
    case 'truncate':
      return { bytes: bytes.slice(0, at), note: `truncate at byte ${at}` };
    case 'insert': {
      const s = encoder.encode(m.snippet);
      const out = new Uint8Array(bytes.length + s.length);
      out.set(bytes.subarray(0, at), 0);
      out.set(s, at);
      out.set(bytes.subarray(at), at + s.length);
      return { bytes: out, note: `insert ${JSON.stringify(m.snippet)} at byte ${at}` };
    }
    case 'delete-range': {
      const end = Math.min(bytes.length, at + m.length);
      const out = new Uint8Array(bytes.length - (end - at));
      out.set(bytes.subarray(0, at), 0);
      out.set(bytes.subarray(end), at);
      return { bytes: out, note: `delete bytes ${at}..${end}` };
    }
    case 'duplicate-line': {
      const nl = 0x0a;
      let start = Math.min(at, bytes.length);
      while (start > 0 && bytes[start - 1] !== nl) start--;
      let end = Math.min(at, bytes.length);
      while (end < bytes.length && bytes[end] !== nl) end++;
      if (end < bytes.length) end++;
      const line = bytes.subarray(start, end);
      const out = new Uint8Array(bytes.length + line.length);
      out.set(bytes.subarray(0, end), 0);
      out.set(line, end);
      out.set(bytes.subarray(end), end + line.length);
      return { bytes: out, note: `duplicate the line at byte ${start}` };
    }
  }
}

export interface MutantCase extends ModelCase {
  /** The exact bytes of the model file, when text mutations made it other than `yaml`. */
  readonly bytes?: Uint8Array;
}

const decoder = new TextDecoder();

/**
 * Mutants of `source` (a model's text). Tree-mutated mutants are dumped back to YAML (comments
 * and anchors are lost); text mutations apply to the original text or to that dump.
 */
export const mutantCase = (source: string, options: { textShare?: number } = {}): fc.Arbitrary<MutantCase> => {
  const tree = load(source) as JsonObject;
  const textWeight = Math.round((options.textShare ?? 0.25) * 100);
  return fc
    .record({
      tree: fc.array(treeMutation(), { minLength: 0, maxLength: 5 }),
      text: fc.oneof({ weight: 100 - textWeight, arbitrary: fc.constant([]) }, { weight: textWeight, arbitrary: fc.array(textMutation(), { minLength: 1, maxLength: 3 }) }),
    })
    .filter(({ tree, text }) => tree.length + text.length > 0)
    .map(({ tree: muts, text }) => {
      const notes: string[] = [];
      let yaml = source;
      if (muts.length > 0) {
        const root = clone(tree);
        for (const m of muts) {
          const note = applyTreeMutation(root, m);
          if (note) notes.push(note);
        }
        yaml = toYaml(root, notes);
      }
      if (text.length === 0) return { yaml, notes };
      let bytes: Uint8Array = encoder.encode(yaml);
      for (const m of text) {
        const r = applyTextMutation(bytes, m);
        bytes = r.bytes;
        notes.push(r.note);
      }
      return { yaml: decoder.decode(bytes), bytes, notes: notes.map(escapeNote) };
    });
};
