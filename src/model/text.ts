/**
 * Model text as something to show: the characters no output may carry raw, their visible
 * escapes, line splitting and clipping. Shared by the generators' emitters (comments, Markdown)
 * and the CLI's printers (terminal, GitHub annotations).
 */

/**
 * Characters never written raw where model text is shown: C0 controls but the tab, DEL, C1
 * controls (U+0085 among them), the line and paragraph separators, the bidirectional formatting
 * characters (Trojan Source), the byte order mark and lone surrogates.
 */
export const UNSAFE_CHAR = /[\0-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|\p{Cs}/u;
const UNSAFE_CHARS = new RegExp(UNSAFE_CHAR.source, 'gu');

/** Line breaks of every format msa-gen writes: LF, CRLF and a lone CR. */
export const LINE_BREAK = /\r\n|\r|\n/;

/** Whether the text holds an unsafe character. */
export function hasUnsafeChars(text: string): boolean {
  return UNSAFE_CHAR.test(text);
}

/** `\n`, `\r`, `\x1b`, `\u2028`: how one unsafe character is shown. */
export function visibleEscape(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  const code = ch.charCodeAt(0);
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every unsafe character (line breaks included) replaced by its visible escape. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_CHARS, visibleEscape);
}

/** The text's lines (LF, CRLF or CR), each with its other unsafe characters visibly escaped. */
export function safeLines(text: string): string[] {
  return text.split(LINE_BREAK).map(escapeUnsafe);
}

/**
 * Longest model string a message quotes in full: the longest name the schema allows, so that
 * every name a model may hold is shown whole.
 */
export const QUOTE_LIMIT = 200;

/** How much of a longer string is shown. */
export const CLIPPED_TO = 80;

/** The text, or its first `keep` characters and `…(N characters)` when it is longer than `limit`. */
export function clip(text: string, limit = QUOTE_LIMIT, keep = Math.min(limit, CLIPPED_TO)): string {
  if (text.length <= limit) return text;
  let end = keep;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair
  return `${text.slice(0, end)}…(${text.length} characters)`;
}

/** Longest message or hint a diagnostic carries, its quoted strings clipped first. */
export const MESSAGE_LIMIT = 2000;

/** The offset of the `"` that closes the string opened at `open`, skipping `\"`; -1 when none. */
function closingQuote(text: string, open: number): number {
  let at = open + 1;
  for (;;) {
    const close = text.indexOf('"', at);
    if (close < 0) return -1;
    let backslashes = 0;
    for (let k = close - 1; k > open && text.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return close;
    at = close + 1;
  }
}

/**
 * A message fit to print: each `"quoted"` string in it longer than QUOTE_LIMIT clipped, then
 * the whole cut at MESSAGE_LIMIT characters. Linear in the length of the text: a name in a
 * model may be megabytes long.
 */
export function clipQuoted(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length && out.length <= MESSAGE_LIMIT) {
    const open = text.indexOf('"', i);
    const close = open < 0 ? -1 : closingQuote(text, open);
    if (close < 0) {
      out += text.slice(i, i + MESSAGE_LIMIT + 1);
      i = text.length;
      break;
    }
    out += `${text.slice(i, Math.min(open, i + MESSAGE_LIMIT + 1))}"${clip(text.slice(open + 1, close))}"`;
    i = close + 1;
  }
  return out.length > MESSAGE_LIMIT || i < text.length ? `${out.slice(0, MESSAGE_LIMIT)}…` : out;
}

/** A JSON Pointer fit to print: each of its tokens longer than QUOTE_LIMIT clipped. */
export function clipPointer(pointer: string): string {
  return pointer.length <= QUOTE_LIMIT ? pointer : pointer.split('/').map((token) => clip(token)).join('/');
}
