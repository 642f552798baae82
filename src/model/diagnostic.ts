/** A finding about a model: data, printed later by one of several printers. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable rule code, e.g. MSA103. */
  readonly code: string;
  readonly severity: Severity;
  /** Which of the rule's messages this is, e.g. `notPastTense` (`msa-gen explain <code>` lists them). */
  readonly messageId: string;
  /** The message's text: its template with the data put in. */
  readonly message: string;
  /** The values in the message's holes, as the text shows them. */
  readonly data: Readonly<Record<string, string>>;
  /** Path of the model file as the user gave it. */
  readonly file: string;
  /** 1-based line and column of the offending key or value. */
  readonly line: number;
  readonly column: number;
  /** JSON Pointer (RFC 6901) of the offending node in the model. */
  readonly pointer: string;
  readonly hint?: string;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

/** Sorted by file, position, severity and code; exact duplicates removed. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of [...list].sort(compareDiagnostics)) {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.code}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

export function countBySeverity(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of list) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Locale-independent ordering, so output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
