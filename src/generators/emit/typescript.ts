/**
 * Model text into TypeScript source: string literals, template literal text and comment lines.
 * Whatever the text holds, a literal stays one literal and a comment stays a comment.
 */
import { safeLinesOf } from './plain-text.js';

/**
 * Characters a string literal writes as `\uXXXX`: controls, the line separators (line breaks in
 * older parsers), bidirectional formatting characters, the byte order mark and lone surrogates
 * (which UTF-8 cannot hold).
 */
const ESCAPED_IN_STRING = /[\0-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|\p{Cs}/gu;

const hex4 = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

function escapeStringChar(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  return hex4(ch);
}

/** Text a string literal holds as it is: printable ASCII but the quote and the backslash. */
const LITERAL_AS_IS = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;

/** A single-quoted TypeScript string literal. */
export function tsString(text: string): string {
  return LITERAL_AS_IS.test(text) ? `'${text}'` : escapedTsString(text);
}

/** tsString's full road: every string through the escapes (what the fast path must equal). */
export function escapedTsString(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`).replace(ESCAPED_IN_STRING, escapeStringChar)}'`;
}

/** Text for a template literal (between backquotes): backquotes, backslashes, `${` and unsafe characters escaped. */
export function tsTemplateText(text: string): string {
  return text
    .replace(/[\\`]/g, (c) => `\\${c}`)
    .replace(/\$\{/g, '\\${')
    .replace(ESCAPED_IN_STRING, escapeStringChar);
}

/**
 * Comment lines of a text: one per line of it (LF, CRLF or CR), other unsafe characters shown as
 * visible escapes (`\x1b`, `\u2028`), and every star-slash broken up (`*\/`) so that no line can
 * close a block comment.
 */
export function tsCommentLines(text: string): string[] {
  const lines = safeLinesOf(text);
  return lines.length === 1 && !lines[0]!.includes('*/') ? lines : lines.map((line) => line.replace(/\*\//g, '*\\/'));
}

/** `// text`, one line comment per line of the text. */
export function tsLineComment(text: string, level = 0): string {
  const pad = ' '.repeat(level);
  return tsCommentLines(text)
    .map((line) => (line === '' ? `${pad}//` : `${pad}// ${line}`))
    .join('\n');
}
