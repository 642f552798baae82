/** GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` per finding. */
import type { Diagnostic } from '../../model/diagnostic.js';

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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
