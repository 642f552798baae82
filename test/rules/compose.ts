/**
 * Models for rule tests, made of a small case and the shared base model
 * (test/fixtures/minimal/model.yaml: two services in a choreography saga, a CQRS lookup, a
 * synchronous call, an external system; clean under every rule).
 *
 * - An inline case (`withBase`) writes the top-level sections it is about (`contexts:`,
 *   `sagas:`…) as text; every other section comes from the base, after the case's text, so
 *   that lines and columns count from the case's first line. The base's externals, calls and
 *   sagas name its contexts and commands, so they come only with the base's contexts.
 * - A rule's doc example (`exampleModel`) is YAML merged into the base where the example says:
 *   maps merge key by key, a list of named maps merges item by item by name (a new name is
 *   appended), anything else replaces the base's value.
 * - An edited case (`applyEdits`) is the base file as it is on disk, comments included, with a
 *   few edits applied in order: lines and columns are those of the file, shifted by the lines
 *   the edits add or remove above them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import type { Example } from '../../src/model/rules/rule.js';

const BASE_FILE = join(import.meta.dirname, '..', 'fixtures', 'minimal', 'model.yaml');

/** The base model file's text, as it is on disk. */
export const BASE_FILE_TEXT = readFileSync(BASE_FILE, 'utf8');

/** The base model's text, without its leading comments. */
export const BASE = BASE_FILE_TEXT.replace(/^(?:#.*\n)+/, '');

const TOP_LEVEL_KEY = /^([A-Za-z_$][\w$-]*)\s*:/;

/** Text written in a test file: its first line break and the indentation of its lines removed. */
export function dedent(text: string): string {
  const lines = text.replace(/^[ \t]*\r?\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return `${lines.map((l) => l.slice(cut)).join('\n')}\n`;
}

/** The top-level sections of a model text, by key, in order: each its key line and what follows it. */
export function sections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let key: string | undefined;
  for (const line of text.replace(/\n+$/, '').split('\n')) {
    const m = TOP_LEVEL_KEY.exec(line);
    if (m) key = m[1]!;
    if (key !== undefined) out.set(key, out.has(key) ? `${out.get(key)}\n${line}` : line);
  }
  return out;
}

/** Sections of the base that name the base's contexts and commands. */
const DEPEND_ON_CONTEXTS = ['externals', 'calls', 'sagas'];

/** A case's text followed by the base's sections it does not write. */
export function withBase(caseText: string): string {
  const written = new Set([...sections(caseText).keys()]);
  const added = [...sections(BASE)].filter(
    ([key]) => !written.has(key) && !(written.has('contexts') && DEPEND_ON_CONTEXTS.includes(key)),
  );
  return [caseText.replace(/\n*$/, '\n'), ...added.map(([, text]) => `${text.replace(/\n+$/, '')}\n`)].join('');
}

type Value = unknown;

const isMap = (v: Value): v is Record<string, Value> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNamed = (v: Value): v is Record<string, Value> & { name: string } => isMap(v) && typeof v['name'] === 'string';

function merge(base: Value, over: Value): Value {
  if (isMap(base) && isMap(over)) {
    const out: Record<string, Value> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? merge(base[k], v) : v;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(over) && over.length > 0 && over.every(isNamed)) {
    const out = [...base];
    for (const item of over) {
      const at = out.findIndex((b) => isNamed(b) && b.name === item.name);
      if (at >= 0) out[at] = merge(out[at], item);
      else out.push(item);
    }
    return out;
  }
  return over;
}

/** The mapping of `root` a JSON Pointer names. */
function mappingAt(root: Value, pointer: string): Record<string, Value> {
  let cur = root;
  for (const token of pointer.split('/').slice(1)) {
    cur = Array.isArray(cur) ? cur[Number(token)] : isMap(cur) ? cur[token] : undefined;
  }
  if (!isMap(cur)) throw new Error(`no mapping at ${pointer} in the base model`);
  return cur;
}

/** The model text a doc example stands for. */
export function exampleModel(example: Example): string {
  if (example.whole) return example.yaml;
  const model = load(BASE) as Value;
  const fragment = load(example.yaml);
  if (!isMap(fragment)) throw new Error(`an example is a mapping: ${example.yaml}`);
  for (const [key, value] of Object.entries(fragment)) {
    const at = typeof example.at === 'object' ? example.at[key] : example.at;
    const target = mappingAt(model, at ?? '');
    target[key] = key in target ? merge(target[key], value) : value;
  }
  return dump(model, { lineWidth: -1 });
}

/**
 * A change to the base file. `find` is any text; the other anchors name a line, or the YAML
 * node that starts on it, by its text: the line's text from the node's column to its end (`'- name: IssuePermit'`, or
 * `'name: IssuePermit'` for the mapping inside that item). Every anchor must occur exactly once
 * in the text as the earlier edits left it (within the node `in` names, when it is given), or
 * the case fails.
 *
 * - `{ find, replace }`: that text, replaced (within a line or across lines).
 * - `{ line, replace }`: the line whose text after its indentation is `line`, replaced by
 *   `replace` at the same indentation (for a line whose text is also part of others).
 * - `{ after, insert }`: the lines of `insert` go after the node (its line and the lines
 *   indented deeper below it), at the node's column: a sibling key or list item.
 * - `{ before, insert }`: the lines of `insert` go before the node's line, at its column.
 * - `{ remove }`: the node's lines go.
 * - `in`: the node (matched like `after`) within which the anchor must be unique, when it is
 *   not unique in the whole text (`{ in: '- name: issuance', remove: 'policies:' }`).
 *
 * `insert` is written like a case's model, its common indentation removed; in a template
 * literal, the line break after the opening backtick and the line of the closing one are not
 * part of it, and the blank lines between are.
 */
export type Edit = (
  | { readonly find: string; readonly replace: string }
  | { readonly line: string; readonly replace: string }
  | { readonly after: string; readonly insert: string }
  | { readonly before: string; readonly insert: string }
  | { readonly remove: string }
) & { readonly in?: string };

const indentOf = (line: string) => /^ */.exec(line)![0].length;

/** The columns where a node may start on a line: its indentation, and after each `- `. */
function nodeColumns(line: string): number[] {
  const m = /^( *)((?:- +)*)/.exec(line)!;
  const columns = [m[1]!.length];
  let column = m[1]!.length;
  for (const dash of m[2]!.match(/- +/g) ?? []) columns.push((column += dash.length));
  return columns;
}

/** The index after the last line of the node whose first line is `line`, at `column`. */
function nodeEnd(lines: readonly string[], line: number, column: number): number {
  let end = line + 1;
  for (let i = line + 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    if (indentOf(lines[i]!) <= column) break;
    end = i + 1;
  }
  return end;
}

interface Scope {
  readonly from: number;
  readonly to: number;
}

const label = (what: string, anchor: string, scope: string | undefined) =>
  `edit: ${what} ${JSON.stringify(anchor)}${scope === undefined ? '' : ` in ${JSON.stringify(scope)}`}`;

/** The one node `anchor` names within `scope` (with `atIndent`, only a node that starts its line). */
function node(lines: readonly string[], anchor: string, scope: Scope, atIndent: boolean, what: string): { line: number; column: number } {
  const found: { line: number; column: number }[] = [];
  for (let i = scope.from; i < scope.to; i++) {
    const text = lines[i]!.trimEnd();
    for (const column of atIndent ? [indentOf(text)] : nodeColumns(text)) if (text.slice(column) === anchor) found.push({ line: i, column });
  }
  if (found.length !== 1) throw new Error(`${what} ${found.length === 0 ? 'names no line' : 'names more than one line'} of the base model`);
  return found[0]!;
}

/** The lines `insert` stands for, at `column`. */
function insertLines(insert: string, column: number): string[] {
  const lines = insert.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const cut = Math.min(...lines.filter((l) => l.trim() !== '').map(indentOf));
  return lines.map((l) => (l.trim() === '' ? '' : ' '.repeat(column) + l.slice(cut)));
}

function applyEdit(text: string, edit: Edit): string {
  const lines = text.split('\n');
  let scope: Scope = { from: 0, to: lines.length };
  if (edit.in !== undefined) {
    const at = node(lines, edit.in, scope, false, label('in', edit.in, undefined));
    scope = { from: at.line, to: nodeEnd(lines, at.line, at.column) };
  }
  if ('find' in edit) {
    const what = label('find', edit.find, edit.in);
    const start = lines.slice(0, scope.from).join('\n').length + (scope.from > 0 ? 1 : 0);
    const region = lines.slice(scope.from, scope.to).join('\n');
    const offset = region.indexOf(edit.find);
    if (edit.find === '' || offset < 0) throw new Error(`${what} is not in the base model`);
    if (region.indexOf(edit.find, offset + 1) >= 0) throw new Error(`${what} occurs more than once in the base model`);
    return text.slice(0, start + offset) + edit.replace + text.slice(start + offset + edit.find.length);
  }
  if ('line' in edit) {
    const at = node(lines, edit.line, scope, true, label('line', edit.line, edit.in));
    lines.splice(at.line, 1, ...insertLines(edit.replace, at.column));
  } else if ('after' in edit) {
    const at = node(lines, edit.after, scope, false, label('after', edit.after, edit.in));
    lines.splice(nodeEnd(lines, at.line, at.column), 0, ...insertLines(edit.insert, at.column));
  } else if ('before' in edit) {
    const at = node(lines, edit.before, scope, true, label('before', edit.before, edit.in));
    lines.splice(at.line, 0, ...insertLines(edit.insert, at.column));
  } else {
    const at = node(lines, edit.remove, scope, true, label('remove', edit.remove, edit.in));
    lines.splice(at.line, nodeEnd(lines, at.line, at.column) - at.line);
  }
  return lines.join('\n');
}

/** The base file with `edits` applied in order. */
export function applyEdits(edits: readonly Edit[]): string {
  return edits.reduce(applyEdit, BASE_FILE_TEXT);
}
