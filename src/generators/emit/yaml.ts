/**
 * YAML as every generator writes it: documents through js-yaml (no line folding, no anchors,
 * 2-space indent), comments through yamlComment. Model text never reaches YAML but through
 * these two.
 *
 * js-yaml picks a style for every string; two kinds of string are written here instead, as
 * double-quoted scalars with every character that is not plainly printable escaped:
 * - strings holding a control character, a line or paragraph separator (U+0085, U+2028 and
 *   U+2029 break lines in YAML 1.1 readers), a bidirectional formatting character or a byte
 *   order mark: escaped, never raw, whatever js-yaml would have chosen;
 * - strings longer than LONG_STRING: js-yaml tests every string against a regular expression
 *   whose backtracking overflows the stack on a few megabytes of text.
 * Such strings are swapped for placeholder tokens before the dump and written in their place
 * after it; so are the strings a generator wants double-quoted (DoubleQuoted) and the short lists
 * it wants on one line (FlowSequence).
 */
import { dump } from 'js-yaml';
import { safeLinesOf } from './plain-text.js';
import { blockDocument, type BlockOptions } from './yaml-block.js';

export const YAML_DUMP_OPTIONS = { lineWidth: -1, noRefs: true, indent: 2 } as const;

/** Strings longer than this are written by yamlQuoted, never tested by js-yaml. */
export const LONG_STRING = 1000;

/** Longest implicit mapping key YAML allows (a longer key takes the explicit `? key` form). */
const IMPLICIT_KEY_LIMIT = 1024;

/** Characters a double-quoted scalar writes escaped (besides `"` and `\`). */
const ESCAPED_IN_SCALAR = /[\0-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|\p{Cs}/gu;

/** Strings written by yamlQuoted rather than by js-yaml (newlines alone are fine: a literal block). */
const NEEDS_QUOTING = /[\0-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|\p{Cs}/u;

const PLACEHOLDER_PREFIX = 'msa-gen-yaml-placeholder-';
const PLACEHOLDER = /msa-gen-yaml-placeholder-(\d+)-x/g;

function escapeScalarChar(ch: string): string {
  switch (ch) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default: {
      const code = ch.charCodeAt(0);
      return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    }
  }
}

/**
 * A double-quoted YAML scalar on one line: `"` and `\` escaped, and every control, separator,
 * bidirectional formatting character, byte order mark and lone surrogate as an escape both
 * YAML 1.1 and YAML 1.2 read (`\n`, `\x85`, `\u2028`).
 */
export function yamlQuoted(text: string): string {
  return `"${text.replace(/["\\]/g, (c) => `\\${c}`).replace(ESCAPED_IN_SCALAR, escapeScalarChar)}"`;
}

function needsQuoting(text: string): boolean {
  return text.length > LONG_STRING || NEEDS_QUOTING.test(text) || text.includes(PLACEHOLDER_PREFIX);
}

/** A string yamlDocument writes double-quoted whatever it holds (where a reader could take it for a number). */
export class DoubleQuoted {
  constructor(readonly text: string) {}
}

export function yamlDoubleQuoted(text: string): DoubleQuoted {
  return new DoubleQuoted(text);
}

/** A list of strings yamlDocument writes on one line, `["a", "b"]`, each item double-quoted. */
export class FlowSequence {
  constructor(readonly items: readonly string[]) {}
}

export function yamlFlowSequence(items: readonly string[]): FlowSequence {
  return new FlowSequence(items);
}

/** The value with every string that needsQuoting (keys included) swapped for a placeholder. */
function substitute(value: unknown, fragments: string[]): unknown {
  const placeholder = (fragment: string) => `${PLACEHOLDER_PREFIX}${fragments.push(fragment) - 1}-x`;
  const swap = (s: string) => (needsQuoting(s) ? placeholder(yamlQuoted(s)) : s);
  if (typeof value === 'string') return swap(value);
  if (value instanceof DoubleQuoted) return placeholder(yamlQuoted(value.text));
  if (value instanceof FlowSequence) return placeholder(`[${value.items.map(yamlQuoted).join(', ')}]`);
  if (Array.isArray(value)) return value.map((v) => substitute(v, fragments));
  if (typeof value === 'object' && value !== null) {
    // No prototype: a key named `__proto__` is a key like any other, not the object's prototype.
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) out[swap(k)] = substitute(v, fragments);
    return out;
  }
  return value;
}

/**
 * One YAML document (no `---`), ending with a newline. Keys keep the order of the object. Plain
 * data only: objects, arrays, strings, numbers, booleans, null, DoubleQuoted and FlowSequence.
 */
export function yamlDocument(value: unknown): string {
  return blockDocument(value, BLOCK_OPTIONS) ?? dumpDocument(value);
}

/** What substitute and the placeholders do, for the fast path of yaml-block.ts. */
const BLOCK_OPTIONS: BlockOptions = {
  dumpOptions: YAML_DUMP_OPTIONS,
  rewrite: (text) => (needsQuoting(text) ? yamlQuoted(text) : undefined),
  special: (value) =>
    value instanceof DoubleQuoted ? yamlQuoted(value.text) : value instanceof FlowSequence ? `[${value.items.map(yamlQuoted).join(', ')}]` : undefined,
  implicitKeyLimit: IMPLICIT_KEY_LIMIT,
};

/** yamlDocument through js-yaml: the placeholders swapped in, the dump, the placeholders swapped out. */
export function dumpDocument(value: unknown): string {
  const fragments: string[] = [];
  const text = dump(substitute(value, fragments), YAML_DUMP_OPTIONS);
  if (fragments.length === 0) return text;
  return text.replace(PLACEHOLDER, (token: string, index: string, offset: number) => {
    const fragment = fragments[Number(index)]!;
    const isKey = text.startsWith(':', offset + token.length);
    if (!isKey || fragment.length <= IMPLICIT_KEY_LIMIT) return fragment;
    // A long key: the explicit form, its `:` under the `?` on the next line.
    const column = offset - text.lastIndexOf('\n', offset - 1) - 1;
    return `? ${fragment}\n${' '.repeat(column)}`;
  });
}

/**
 * `# text` comment lines: one per line of the text (LF, CRLF or CR: each a line break in YAML),
 * other unsafe characters as visible escapes (`\x1b`, `\u2028`); an empty line is a bare `#`.
 */
export function yamlComment(text: string | readonly string[]): string {
  const lines = typeof text === 'string' ? [text] : text;
  return lines
    .flatMap((l) => safeLinesOf(l))
    .map((line) => (line === '' ? '#' : `# ${line}`))
    .join('\n');
}
