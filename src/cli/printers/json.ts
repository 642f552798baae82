/** Machine-readable findings: one JSON document on stdout. */
import { countBySeverity, type Diagnostic } from '../../model/diagnostic.js';

export function printJson(diagnostics: readonly Diagnostic[], files: readonly string[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const doc = {
    version: 1,
    files,
    summary: { errors, warnings },
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: d.file,
      line: d.line,
      column: d.column,
      pointer: d.pointer,
      ...(d.hint ? { hint: d.hint } : {}),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
