/**
 * A fast path for yamlDocument (yaml.ts): the block layout js-yaml writes with its dump options
 * (2-space indent, no line folding, no anchors), for the documents generators build (plain
 * objects, arrays, one-line strings, numbers, booleans, null), with every scalar written exactly
 * as js-yaml writes it: js-yaml itself decides each distinct scalar's form once (plain, quoted),
 * and the answer is remembered. Byte for byte what yaml.ts would have written through js-yaml;
 * anything outside that subset (a line break, a value js-yaml would place differently) makes
 * `blockDocument` return undefined, and yaml.ts takes the js-yaml road for the whole document.
 * The commonest strings, names and topics (yaml-plain.ts), are known to be plain without asking.
 */
import { dump } from 'js-yaml';
import { isPlainWord, plainWordsHold } from './yaml-plain.js';

/** What yaml.ts writes in place of a string js-yaml must not see (undefined: js-yaml may). */
export type Rewrite = (text: string) => string | undefined;

/** Options of the js-yaml dump this writes the same as (yaml.ts passes its own). */
export interface BlockOptions {
  readonly dumpOptions: Readonly<Record<string, unknown>>;
  /** A string yaml.ts writes itself: the text in its place, or undefined. Pure: a key's answer is remembered. */
  readonly rewrite: Rewrite;
  /** A value yaml.ts writes itself whatever it holds (DoubleQuoted, FlowSequence): its text, or undefined. */
  readonly special: (value: unknown) => string | undefined;
  /** The longest key written in the implicit form. */
  readonly implicitKeyLimit: number;
}

/** Not in the subset: the caller writes the document through js-yaml. */
class Unsupported extends Error {}

const CACHE_LIMIT = 200_000;

/** The forms js-yaml gave, remembered per options (a form depends on the dump options). */
interface Forms {
  /** Whether a plain word (yaml-plain.ts) is written as it is with these options. */
  readonly plainWords: boolean;
  readonly values: Map<string, string>;
  readonly keys: Map<string, string>;
  readonly numbers: Map<number, string>;
  /** Keys as written, rewritten or not: a document repeats its keys (`enabled`, `name`) many times. */
  readonly writtenKeys: Map<string, string>;
}
const formsByOptions = new WeakMap<BlockOptions, Forms>();

/** The options asked about last and their forms: a document asks about the same options for each of its scalars. */
let lastOptions: BlockOptions | undefined;
let lastForms: Forms | undefined;

function formsOf(options: BlockOptions): Forms {
  if (options === lastOptions) return lastForms!;
  let forms = formsByOptions.get(options);
  if (!forms) formsByOptions.set(options, (forms = { plainWords: plainWordsHold(options.dumpOptions), values: new Map(), keys: new Map(), numbers: new Map(), writtenKeys: new Map() }));
  lastOptions = options;
  lastForms = forms;
  return forms;
}

function remember<K>(cache: Map<K, string>, key: K, form: string): string {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, form);
  return form;
}

/** js-yaml's form of a one-line string as a value in a block collection (never at the top, never a block scalar). */
function stringValue(text: string, options: BlockOptions): string {
  const forms = formsOf(options);
  if (forms.plainWords && isPlainWord(text)) return text;
  const valueForms = forms.values;
  const known = valueForms.get(text);
  if (known !== undefined) return known;
  // A line break takes a block scalar, whose form depends on the indentation; `---` and `...`
  // at the start are written differently at the top level (where js-yaml is asked below).
  if (text.includes('\n') || text.includes('\r') || text.startsWith('---') || text.startsWith('...')) throw new Unsupported();
  const form = dump(text, options.dumpOptions);
  if (!form.endsWith('\n') || form.indexOf('\n') !== form.length - 1 || form.startsWith('|') || form.startsWith('>')) throw new Unsupported();
  return remember(valueForms, text, form.slice(0, -1));
}

/** js-yaml's form of a mapping key (implicit form only). */
function stringKey(text: string, options: BlockOptions): string {
  const forms = formsOf(options);
  if (forms.plainWords && isPlainWord(text)) return text;
  const keyForms = forms.keys;
  const known = keyForms.get(text);
  if (known !== undefined) return known;
  if (text.includes('\n') || text.includes('\r') || text.startsWith('---') || text.startsWith('...')) throw new Unsupported();
  const form = dump({ [text]: null }, options.dumpOptions);
  const suffix = ': null\n';
  if (!form.endsWith(suffix) || form.startsWith('?')) throw new Unsupported();
  const key = form.slice(0, -suffix.length);
  if (key.includes('\n')) throw new Unsupported();
  return remember(keyForms, text, key);
}

function numberValue(n: number, options: BlockOptions): string {
  const numberForms = formsOf(options).numbers;
  const known = numberForms.get(n);
  if (known !== undefined && !Object.is(n, -0)) return known;
  const form = dump(n, options.dumpOptions);
  if (form.indexOf('\n') !== form.length - 1) throw new Unsupported();
  return Object.is(n, -0) ? form.slice(0, -1) : remember(numberForms, n, form.slice(0, -1));
}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Whether a plain object has a key (its prototype, Object.prototype or none, has no enumerable one). */
function hasKeys(value: object): boolean {
  for (const _ in value) return true;
  return false;
}

/** Indentation by width, made once. */
const pads: string[] = [];
const padOf = (indent: number): string => (pads[indent] ??= ' '.repeat(indent));

/** A value written on the line of its key or dash; undefined when it is a non-empty collection. */
function inline(value: unknown, options: BlockOptions): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string': {
      const rewritten = options.rewrite(value);
      return rewritten ?? stringValue(value, options);
    }
    case 'number':
      return numberValue(value, options);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      const special = options.special(value);
      if (special !== undefined) return special;
      if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
      if (!isPlainObject(value)) throw new Unsupported();
      return hasKeys(value) ? undefined : '{}';
    }
    default:
      throw new Unsupported();
  }
}

function key(text: string, options: BlockOptions): string {
  const written = formsOf(options).writtenKeys;
  const known = written.get(text);
  if (known !== undefined) return known;
  const rewritten = options.rewrite(text);
  if (rewritten === undefined) return remember(written, text, stringKey(text, options));
  if (rewritten.length > options.implicitKeyLimit || rewritten.includes('\n')) throw new Unsupported();
  return remember(written, text, rewritten);
}

/**
 * A non-empty mapping at `indent`; `first` is written before its first key (the dash of a
 * sequence item, or the indentation).
 */
function mapping(out: string[], value: Record<string, unknown>, indent: number, first: string, options: BlockOptions): void {
  const pad = padOf(indent);
  let lead = first;
  for (const name of Object.keys(value)) {
    const item = value[name];
    if (item === undefined) throw new Unsupported();
    const text = inline(item, options);
    if (text !== undefined) {
      out.push(`${lead}${key(name, options)}: ${text}\n`);
    } else {
      out.push(`${lead}${key(name, options)}:\n`);
      collection(out, item as object, indent + 2, padOf(indent + 2), options);
    }
    lead = pad;
  }
}

/** A non-empty sequence at `indent`. */
function sequence(out: string[], value: readonly unknown[], indent: number, first: string, options: BlockOptions): void {
  const pad = padOf(indent);
  let lead = first;
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new Unsupported();
    const item = value[i];
    if (item === undefined) throw new Unsupported();
    const text = inline(item, options);
    if (text !== undefined) out.push(`${lead}- ${text}\n`);
    else collection(out, item as object, indent + 2, `${lead}- `, options);
    lead = pad;
  }
}

function collection(out: string[], value: object, indent: number, first: string, options: BlockOptions): void {
  if (Array.isArray(value)) sequence(out, value, indent, first, options);
  else mapping(out, value as Record<string, unknown>, indent, first, options);
}

/**
 * The document yaml.ts would write for `value`, or undefined when it is outside this writer's
 * subset (a top-level scalar included: those go to js-yaml).
 */
export function blockDocument(value: unknown, options: BlockOptions): string | undefined {
  try {
    if (typeof value !== 'object' || value === null || options.special(value) !== undefined) return undefined;
    if (!Array.isArray(value) && !isPlainObject(value)) return undefined;
    const text = inline(value, options);
    if (text !== undefined) return `${text}\n`;
    const out: string[] = [];
    collection(out, value, 0, '', options);
    return out.join('');
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
