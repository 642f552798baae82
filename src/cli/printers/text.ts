/** tsc-like text: `file:line:col severity CODE message`, the source line with a caret, a hint. */
import { Chalk } from 'chalk';
import { countBySeverity, type Diagnostic } from '../../model/diagnostic.js';
import type { SourceText } from '../../model/source.js';

export interface TextOptions {
  readonly color: 0 | 1;
  /** Source texts by file, for the excerpt under each finding. */
  readonly sources: ReadonlyMap<string, SourceText>;
}

/** Length of the YAML token that starts at a column: a quoted string, or a plain scalar/key. */
function tokenLength(line: string, column: number): number {
  const rest = line.slice(column - 1);
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

export function printText(diagnostics: readonly Diagnostic[], options: TextOptions): string {
  const c = new Chalk({ level: options.color });
  const out: string[] = [];
  for (const d of diagnostics) {
    const sev = d.severity === 'error' ? c.red('error') : c.yellow('warning');
    out.push(`${c.cyan(d.file)}:${c.yellow(String(d.line))}:${c.yellow(String(d.column))} ${sev} ${c.gray(d.code)} ${d.message}`);
    const source = options.sources.get(d.file);
    const text = source?.lineText(d.line);
    if (text !== undefined && text.trim() !== '') {
      const gutter = String(d.line);
      const mark = d.severity === 'error' ? c.red : c.yellow;
      out.push('');
      out.push(`${c.inverse(gutter)} ${text}`);
      out.push(`${c.inverse(' '.repeat(gutter.length))} ${' '.repeat(d.column - 1)}${mark('~'.repeat(tokenLength(text, d.column)))}`);
    }
    if (d.hint) out.push(`  ${c.gray('hint:')} ${d.hint}`);
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
