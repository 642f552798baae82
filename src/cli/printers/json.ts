/**
 * Machine-readable findings: one JSON document on stdout. Each finding carries its rule's
 * message id and the values in the message's holes, so a tool can tell findings apart, or word
 * them itself, without parsing the English text.
 */
import { countBySeverity, type Diagnostic } from '../../model/diagnostic.js';

export function printJson(diagnostics: readonly Diagnostic[], files: readonly string[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const doc = {
    version: 1,
    files,
    summary: { errors, warnings },
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      messageId: d.messageId,
      severity: d.severity,
      message: d.message,
      data: d.data,
      file: d.file,
      line: d.line,
      column: d.column,
      pointer: d.pointer,
      ...(d.hint ? { hint: d.hint } : {}),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
