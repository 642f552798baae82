/**
 * GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` per finding.
 * Escaped as the Actions toolkit escapes them (command.ts: `%`, CR and LF in the message; also
 * `:` and `,` in properties), after every other control or formatting character of the text is
 * made a visible escape: each finding is exactly one line, and it starts with `::error` or
 * `::warning`.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { escapeUnsafe } from '../../model/text.js';

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeData = (s: string) => escapeUnsafe(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function printGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `title=${escapeProperty(d.code)}`,
      ].join(',');
      const text = d.hint ? `${d.message} (${d.hint})` : d.message;
      return `::${d.severity} ${props}::${escapeData(text)}\n`;
    })
    .join('');
}
