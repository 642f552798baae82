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

/** Longest model string a message quotes in full. */
export const QUOTE_LIMIT = 80;

/** The text, or its first `limit` characters and `…(N characters)` when it is longer. */
export function clip(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair
  return `${text.slice(0, end)}…(${text.length} characters)`;
}
