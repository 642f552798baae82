/**
 * A small kit for writing TypeScript source as text: string literals, object and array
 * literals laid out the way Prettier's defaults would (2-space indent, single quotes, trailing
 * commas on broken lines), doc comments and import lists. Pure and deterministic. Model text
 * is escaped by emit/typescript.ts.
 */
import { tsCommentLines, tsString, tsTemplateText } from '../emit/typescript.js';
import type { RuntimeType, RuntimeValue } from './runtime-exports.js';

/**
 * The module specifier of the platform's runtime package in generated code and templates. It is
 * itself a valid specifier, so a template using it stays valid TypeScript; Imports and modules
 * print it as the platform's own runtime package (`@gov24/runtime`).
 */
export const RUNTIME = '@platform/runtime';

/** Names importable from `from`: for RUNTIME only what the runtime package exports. */
/** Names imported from `F`: for the runtime only its exports, each as itself or renamed (`name as alias`). */
type Names<F extends string, R extends string> = F extends typeof RUNTIME ? Array<R | `${R} as ${string}`> : string[];

/** Widest line an inline literal may make before it is broken over several lines. */
export const PRINT_WIDTH = 100;

/** A piece of TypeScript inserted as-is where a value is expected (`render` indents its later lines). */
export interface Code {
  readonly kind: 'code';
  readonly text: string;
}

export function code(text: string): Code {
  return { kind: 'code', text };
}

/** A Code, or a fragment of ts/module.ts (its text is code the same way; its imports are collected there). */
function isCode(value: unknown): value is Code {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return (kind === 'code' || kind === 'fragment') && 'text' in value;
}

/** A single-quoted TypeScript string literal (see emit/typescript.ts). */
export const quote = tsString;

/** Text for a template literal (between backquotes). */
export const templateText = tsTemplateText;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : quote(name);
}

/** A property access: `.name`, or `['na-me']` when the name is not an identifier. */
export function member(name: string): string {
  return isIdentifier(name) ? `.${name}` : `[${quote(name)}]`;
}

/** Indents every non-empty line but the first by `spaces`. */
function indentRest(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

/** Indents every non-empty line by `spaces`. */
export function indent(text: string, spaces = 2): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/**
 * A value as a TypeScript literal. Objects and arrays stay on one line when that line is short
 * enough and holds no line break, and are broken one entry a line otherwise. `column` is where
 * the literal starts (for the width check); `level` is the indentation of the line it is on.
 * A `Code` whose text equals its key is written in shorthand (`{ applicationId }`).
 */
export function render(value: unknown, level = 0, column = level): string {
  return renderIn(new Map(), value, level, column);
}

/** The one-line forms of the objects and arrays of one `render` call, each computed once. */
type Flats = Map<object, string | undefined>;

/**
 * The value on one line whatever its width, or undefined when it holds a line break (a `Code`
 * of several lines). An object or array is written inline exactly when its one-line form fits.
 */
function flat(flats: Flats, value: unknown): string | undefined {
  if (isCode(value)) return value.text.includes('\n') ? undefined : value.text;
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const text = quote(value);
    return text.includes('\n') ? undefined : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object') throw new Error(`cannot render a ${typeof value} as TypeScript`);
  if (flats.has(value)) return flats.get(value);
  let text: string | undefined;
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const v of value) {
      const item = flat(flats, v);
      if (item === undefined) break;
      items.push(item);
    }
    text = items.length === value.length ? (items.length === 0 ? '[]' : `[${items.join(', ')}]`) : undefined;
  } else {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    const items: string[] = [];
    for (const [k, v] of entries) {
      if (isCode(v) && v.text === k && isIdentifier(k)) {
        items.push(k);
        continue;
      }
      const item = flat(flats, v);
      if (item === undefined) break;
      items.push(`${propertyKey(k)}: ${item}`);
    }
    text = items.length === entries.length ? (items.length === 0 ? '{}' : `{ ${items.join(', ')} }`) : undefined;
  }
  flats.set(value, text);
  return text;
}

function renderIn(flats: Flats, value: unknown, level: number, column: number): string {
  if (isCode(value)) return indentRest(value.text, level);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const line = flat(flats, value);
    if (line !== undefined && column + line.length <= PRINT_WIDTH) return line;
    const pad = ' '.repeat(level + 2);
    const items = value.map((v) => `${pad}${renderIn(flats, v, level + 2, level + 2)},`);
    return `[\n${items.join('\n')}\n${' '.repeat(level)}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const line = flat(flats, value);
    if (line !== undefined && column + line.length <= PRINT_WIDTH) return line;
    const entry = (key: string, v: unknown, lvl: number, col: number) => {
      if (isCode(v) && v.text === key && isIdentifier(key)) return key;
      const k = `${propertyKey(key)}: `;
      return `${k}${renderIn(flats, v, lvl, col + k.length)}`;
    };
    const pad = ' '.repeat(level + 2);
    const items = entries.map(([k, v]) => `${pad}${entry(k, v, level + 2, level + 2)},`);
    return `{\n${items.join('\n')}\n${' '.repeat(level)}}`;
  }
  throw new Error(`cannot render a ${typeof value} as TypeScript`);
}

/**
 * `prefix value suffix` at the top level, e.g. `export const x = ` + literal + `;`: the literal
 * stays inline only when the whole line fits.
 */
export function declaration(prefix: string, value: unknown, suffix = ';'): string {
  return `${prefix}${render(value, 0, prefix.length + suffix.length)}${suffix}`;
}

/**
 * A JSDoc comment, one `*` line per line of text; a single short line stays on one line. A string
 * is wrapped to the print width; an array of lines is kept as it is. Every line is sanitised:
 * a line break starts a new ` * ` line, and nothing in the text can close the comment.
 */
export function docComment(text: string | readonly string[], level = 0): string {
  const raw = typeof text === 'string' ? wrap(text, PRINT_WIDTH - level - 3) : [...text];
  const lines = raw.flatMap((l) => tsCommentLines(l));
  const pad = ' '.repeat(level);
  if (lines.length === 1 && level + lines[0]!.length + 7 <= PRINT_WIDTH) return `${pad}/** ${lines[0]} */`;
  return [`${pad}/**`, ...lines.map((l) => (l === '' ? `${pad} *` : `${pad} * ${l}`)), `${pad} */`].join('\n');
}

/** Printable ASCII without the tab: its only whitespace is the space. */
const SPACED_ASCII = /^[\x20-\x7e]*$/;

/** The words of a line of prose, split at whitespace (at spaces alone, when they are its only whitespace). */
export function wordsOf(paragraph: string): string[] {
  return (SPACED_ASCII.test(paragraph) ? paragraph.split(' ') : paragraph.split(/\s+/)).filter((w) => w.length > 0);
}

/** Breaks prose into lines of at most `width` characters (words are never split). */
export function wrap(text: string, width = PRINT_WIDTH - 4): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (SPACED_ASCII.test(paragraph) && !paragraph.includes('  ')) {
      wrapSpaced(paragraph, width, out);
      continue;
    }
    let line = '';
    for (const word of wordsOf(paragraph)) {
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * wrap for a paragraph whose words are apart by single spaces: a line is then a slice of the
 * paragraph, from its first word's start to its last word's end, and no word is copied.
 */
function wrapSpaced(paragraph: string, width: number, out: string[]): void {
  const n = paragraph.length;
  let start = -1;
  let end = 0;
  let i = 0;
  while (i < n) {
    if (paragraph.charCodeAt(i) === 32) {
      i++;
      continue;
    }
    let j = paragraph.indexOf(' ', i);
    if (j < 0) j = n;
    if (start < 0) start = i;
    else if (end - start + 1 + (j - i) > width) {
      out.push(paragraph.slice(start, end));
      start = i;
    }
    end = j;
    i = j;
  }
  out.push(start < 0 ? '' : paragraph.slice(start, end));
}

/**
 * Import declarations, collected while a module is written, printed sorted by module
 * (package imports before relative ones) with their names sorted: `import type` for types.
 */
export class Imports {
  private readonly values = new Map<string, Set<string>>();
  private readonly types = new Map<string, Set<string>>();
  private readonly defaults = new Map<string, { name: string; attributes: string }>();

  /** `runtime`: the platform's runtime package, printed for RUNTIME. */
  constructor(private readonly runtime: string = RUNTIME) {}

  value<F extends string>(from: F, ...names: Names<F, RuntimeValue>): this {
    const module = this.specifier(from);
    const set = this.values.get(module) ?? new Set<string>();
    for (const n of names) set.add(n);
    this.values.set(module, set);
    return this;
  }

  type<F extends string>(from: F, ...names: Names<F, RuntimeType>): this {
    const module = this.specifier(from);
    const set = this.types.get(module) ?? new Set<string>();
    for (const n of names) set.add(n);
    this.types.set(module, set);
    return this;
  }

  private specifier(from: string): string {
    return from === RUNTIME ? this.runtime : from;
  }

  /** `import name from 'from' with { type: 'json' }` and the like. */
  default(from: string, name: string, attributes = ''): this {
    this.defaults.set(from, { name, attributes });
    return this;
  }

  toString(): string {
    const modules = new Set([...this.values.keys(), ...this.types.keys(), ...this.defaults.keys()]);
    const order = (m: string) => (m.startsWith('.') ? 2 : m.startsWith('node:') ? 0 : 1);
    const sorted = [...modules].sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
    const lines: string[] = [];
    for (const m of sorted) {
      const d = this.defaults.get(m);
      if (d) lines.push(`import ${d.name} from ${quote(m)}${d.attributes ? ` ${d.attributes}` : ''};`);
      const values = this.values.get(m);
      const types = this.types.get(m);
      if (values && values.size > 0) {
        const list = [...sortedNames(values), ...(types ? sortedNames(types).filter((t) => !values.has(t)).map((t) => `type ${t}`) : [])];
        lines.push(importLine(list, m, false));
      } else if (types && types.size > 0) {
        lines.push(importLine(sortedNames(types), m, true));
      }
    }
    return lines.join('\n');
  }
}

/** Imported names in order: case-insensitively, then by code unit (each name lower-cased once). */
function sortedNames(set: ReadonlySet<string>): string[] {
  const keyed = [...set].map((name) => ({ name, lower: name.toLowerCase() }));
  keyed.sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : a.name < b.name ? -1 : 1));
  return keyed.map((k) => k.name);
}

function importLine(names: string[], from: string, typeOnly: boolean): string {
  const head = typeOnly ? 'import type' : 'import';
  const line = `${head} { ${names.join(', ')} } from ${quote(from)};`;
  if (line.length <= PRINT_WIDTH) return line;
  return `${head} {\n${names.map((n) => `  ${n},`).join('\n')}\n} from ${quote(from)};`;
}

/**
 * `head tail` on one line when it fits in the print width at `level`, else `tail` on the next
 * line, indented one step more (how Prettier breaks after `=`, `:` or `=>`).
 */
export function fit(head: string, tail: string, level: number): string {
  const line = `${head} ${tail}`;
  if (level + line.length <= PRINT_WIDTH || tail.includes('\n')) return line;
  return `${head}\n${' '.repeat(level + 2)}${tail}`;
}

/**
 * A method or function signature, its parameters one a line when it is too long for one line:
 * `name(a: A, b: B): R` at `level`, followed by `end` (`;` or ` {`).
 */
export function signature(name: string, params: readonly string[], result: string, level: number, end: string): string {
  const line = `${name}(${params.join(', ')})${result ? `: ${result}` : ''}${end}`;
  if (level + line.length <= PRINT_WIDTH) return line;
  const pad = ' '.repeat(level);
  return `${name}(\n${params.map((p) => `${pad}  ${p},`).join('\n')}\n${pad})${result ? `: ${result}` : ''}${end}`;
}

/** `a` or `an`, by the sound of the first letter (good enough for model names). */
export function article(word: string): string {
  return /^[AEIOUaeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** Joins blocks of source with one empty line between them, dropping empty blocks. */
export function blocks(...parts: ReadonlyArray<string | false | undefined>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n\n');
}
