/**
 * Model text into Markdown (the README): inline text, code spans and lines of a fenced code
 * block. Whatever the text holds, it stays on its line and in its place: no raw HTML, no line
 * break, no link, image, heading or list of its own, no end to the code span or block around it.
 */
import { escapeUnsafe, LINE_BREAK } from '../../model/text.js';
import { escapedAs, type Escaped } from './escaped.js';

export type Markdown = Escaped<'markdown'>;

/** Characters with a meaning in Markdown or HTML inline text, escaped with a backslash. */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~#$!]/g;

/** One line: line breaks become spaces, other unsafe characters visible escapes. */
function oneLine(text: string): string {
  return escapeUnsafe(text.split(LINE_BREAK).join(' '));
}

/**
 * Text inside a line of Markdown (a heading, a list item, a table cell, a sentence): one line,
 * every Markdown and HTML special character escaped (`\<`, `\[`, `\*`, `\|`, …).
 */
export function mdInline(text: string): Markdown {
  return escapedAs(oneLine(text).replace(INLINE_SPECIAL, (c) => `\\${c}`));
}

/**
 * A paragraph of its own, at the start of a line: mdInline, with leading spaces dropped and a
 * leading list or block marker (`-`, `+`, `=`, `1.`, `1)`) escaped.
 */
export function mdParagraph(text: string): Markdown {
  const inline: string = mdInline(text).replace(/^[ \t]+/, '');
  return escapedAs(inline.replace(/^[-+=]/, (c) => `\\${c}`).replace(/^(\d+)([.)])/, '$1\\$2'));
}

/**
 * Text inside a code span (between backquotes, a table cell maybe): one line, unsafe characters,
 * backquotes and pipes as visible escapes (`\x60`, `\x7c`): nothing can end the span or the cell.
 */
export function mdCode(text: string): Markdown {
  return escapedAs(escapeUnsafe(text).replace(/[`|]/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`));
}

/**
 * A line inside a fenced code block: line breaks and unsafe characters as visible escapes, and a
 * leading fence (```, ~~~) broken, so nothing can end the block.
 */
export function mdCodeBlockLine(text: string): Markdown {
  return escapedAs(escapeUnsafe(text).replace(/^( {0,3})([`~])(?=\2\2)/, (_m, pad: string, c: string) => `${pad}\\x${c.charCodeAt(0).toString(16)}`));
}

/** Lines of a fenced code block, each through mdCodeBlockLine. */
export function mdCodeBlock(lines: readonly string[]): Markdown {
  return escapedAs(lines.map((l) => mdCodeBlockLine(l)).join('\n'));
}
