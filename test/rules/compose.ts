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
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import type { Example } from '../../src/model/rules/rule.js';

const BASE_FILE = join(import.meta.dirname, '..', 'fixtures', 'minimal', 'model.yaml');

/** The base model's text, without its leading comments. */
export const BASE = readFileSync(BASE_FILE, 'utf8').replace(/^(?:#.*\n)+/, '');

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
