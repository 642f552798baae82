/**
 * tsc-like text: `file:line:col severity CODE message`, the source line with a caret, a hint.
 * For a terminal: every string from a model or the command line is shown with its control and
 * formatting characters as visible escapes (ESC as `\x1b`, a line break as `\n`), so none can
 * drive the terminal or start a line of its own (GitHub Actions runs a line starting with `::`);
 * the source line is shown as a window of at most FRAME_WIDTH characters around the column.
 */
import { Chalk } from 'chalk';
import { countBySeverity, type Diagnostic } from '../../model/diagnostic.js';
import type { SourceText } from '../../model/source.js';
import { escapeUnsafe } from '../../model/text.js';
import { colorLevel, type CliIO } from '../io.js';

/** Widest excerpt of a source line. */
export const FRAME_WIDTH = 160;

/** Characters of the line shown before the column when the line is cut. */
const FRAME_LEAD = 40;

/** A file name for the start of a line: escaped, and never starting with `::` (a workflow command). */
export function terminalPath(file: string): string {
  const shown = escapeUnsafe(file);
  return /^\s*::/.test(shown) ? `./${shown}` : shown;
}

export interface TextOptions {
  readonly color: 0 | 1;
  /** Source texts by file, for the excerpt under each finding. */
  readonly sources: ReadonlyMap<string, SourceText>;
}

/** Length of the YAML token that starts at a column: a quoted string, or a plain scalar/key. */
function tokenLength(line: string, column: number): number {
  const rest = line.slice(column - 1, column - 1 + FRAME_WIDTH);
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const end = rest.indexOf(quote, 1);
    return end > 0 ? end + 1 : rest.length;
  }
  const m = /^[^\s,\]}#]+(?: [^\s,\]}#]+)*/.exec(rest);
  let token = m ? m[0] : '';
  const colon = token.indexOf(': ');
  if (colon >= 0) token = token.slice(0, colon);
  return Math.max(1, token.replace(/:$/, '').length);
}

/** Whether a UTF-16 code unit is the second half of a surrogate pair. */
const isLowSurrogate = (line: string, i: number) => {
  const code = line.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff;
};

export interface Frame {
  /** The excerpt to print: escaped, with `…` where the line was cut. */
  readonly text: string;
  /** Where the caret starts in it, and how many `~`. */
  readonly caret: number;
  readonly width: number;
}

/**
 * The excerpt of a source line under a finding: the whole line when it is short, else a window
 * of FRAME_WIDTH characters from a little before the column; unsafe characters escaped.
 */
export function frame(line: string, column: number): Frame {
  const at = Math.max(0, Math.min(column - 1, line.length));
  let start = line.length <= FRAME_WIDTH ? 0 : Math.max(0, Math.min(at - FRAME_LEAD, line.length - FRAME_WIDTH));
  let end = Math.min(line.length, start + FRAME_WIDTH);
  if (start > 0 && isLowSurrogate(line, start)) start++;
  if (end < line.length && isLowSurrogate(line, end)) end--;
  const tokenEnd = Math.min(end, Math.max(at, at + tokenLength(line, column)));
  const head = `${start > 0 ? '…' : ''}${escapeUnsafe(line.slice(start, at))}`;
  const token = escapeUnsafe(line.slice(at, tokenEnd));
  const tail = `${escapeUnsafe(line.slice(tokenEnd, end))}${end < line.length ? '…' : ''}`;
  return { text: head + token + tail, caret: head.length, width: Math.max(1, token.length) };
}

export function printText(diagnostics: readonly Diagnostic[], options: TextOptions): string {
  const c = new Chalk({ level: options.color });
  const out: string[] = [];
  for (const d of diagnostics) {
    const sev = d.severity === 'error' ? c.red('error') : c.yellow('warning');
    out.push(
      `${c.cyan(terminalPath(d.file))}:${c.yellow(String(d.line))}:${c.yellow(String(d.column))} ${sev} ${c.gray(escapeUnsafe(d.code))} ${escapeUnsafe(d.message)}`,
    );
    const source = options.sources.get(d.file);
    const text = source?.lineText(d.line);
    if (text !== undefined && text.trim() !== '') {
      const gutter = String(d.line);
      const mark = d.severity === 'error' ? c.red : c.yellow;
      const excerpt = frame(text, d.column);
      out.push('');
      out.push(`${c.inverse(gutter)} ${excerpt.text}`);
      out.push(`${c.inverse(' '.repeat(gutter.length))} ${' '.repeat(excerpt.caret)}${mark('~'.repeat(excerpt.width))}`);
    }
    if (d.hint) out.push(`  ${c.gray('hint:')} ${escapeUnsafe(d.hint)}`);
    out.push('');
  }
  return out.join('\n') + (out.length ? '\n' : '');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line: what was found in how many files. */
export function summaryLine(diagnostics: readonly Diagnostic[], fileCount: number, color: 0 | 1): string {
  const c = new Chalk({ level: color });
  const { errors, warnings } = countBySeverity(diagnostics);
  if (errors === 0 && warnings === 0) return '';
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const parts = [errors ? c.red(plural(errors, 'error')) : '', warnings ? c.yellow(plural(warnings, 'warning')) : '']
    .filter(Boolean)
    .join(' and ');
  return `Found ${parts} in ${plural(files, 'file')}${fileCount > files ? ` (${plural(fileCount, 'file')} checked)` : ''}.\n`;
}

/**
 * A model with errors, as scaffold, board and export report it on stderr: the findings, the
 * summary line, and what the command did not do.
 */
export function printInvalidModel(
  io: CliIO,
  file: string,
  findings: { readonly diagnostics: readonly Diagnostic[]; readonly source: SourceText },
  notDone: string,
): void {
  const color = colorLevel(io, io.stderr);
  io.stderr.write(printText(findings.diagnostics, { color, sources: new Map([[file, findings.source]]) }));
  io.stderr.write(summaryLine(findings.diagnostics, 1, color));
  io.stderr.write(`msa-gen: ${file} has errors; ${notDone}
`);
}
