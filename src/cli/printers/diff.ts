/**
 * The printers of `msa-gen diff`: text and json of their own (they list compatible changes
 * too), and the changes as diagnostics for the SARIF and GitHub printers (a breaking change is
 * an error, a migration a warning; compatible changes are left out, being nothing to act on).
 */
import { Chalk } from 'chalk';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { RuleInfo } from '../../model/rules/rule.js';
import type { SourceText } from '../../model/source.js';
import { escapeUnsafe } from '../../model/text.js';
import { ALL_KINDS, type Change, type DiffResult, type Verdict } from '../../core/diff/index.js';
import { frame, terminalPath } from './text.js';

/** A change with its place in the new model (and in the old one, when it was there). */
export interface LocatedChange {
  readonly change: Change;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly old: { readonly file: string; readonly line: number; readonly column: number } | undefined;
}

export interface DiffReport {
  readonly oldFile: string;
  readonly newFile: string;
  readonly result: DiffResult;
  readonly changes: readonly LocatedChange[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summary(result: DiffResult): string {
  const total = result.changes.length;
  if (total === 0) return `No change to any event or command contract (mode ${result.mode}).`;
  return `${plural(total, 'change')}: ${result.breaking} breaking, ${plural(result.migrations, 'migration')}, ${result.compatible} compatible (mode ${result.mode}).`;
}

export function printDiffText(report: DiffReport, options: { color: 0 | 1; source: SourceText | undefined }): string {
  const c = new Chalk({ level: options.color });
  const label: Record<Verdict, string> = { breaking: c.red('breaking'), migration: c.yellow('migration'), compatible: c.green('compatible') };
  const out: string[] = [`${terminalPath(report.oldFile)} → ${terminalPath(report.newFile)}`, ''];
  for (const l of report.changes) {
    const { change } = l;
    out.push(`${c.cyan(terminalPath(l.file))}:${c.yellow(String(l.line))}:${c.yellow(String(l.column))} ${label[change.verdict]} ${c.gray(change.kind.code)} ${escapeUnsafe(change.message)}`);
    if (change.verdict === 'compatible') continue;
    const text = options.source?.lineText(l.line);
    if (text !== undefined && text.trim() !== '') {
      const excerpt = frame(text, l.column);
      const gutter = String(l.line);
      out.push('', `${c.inverse(gutter)} ${excerpt.text}`, `${c.inverse(' '.repeat(gutter.length))} ${' '.repeat(excerpt.caret)}${c.red('~'.repeat(excerpt.width))}`);
    }
    out.push(`  ${c.gray('hint:')} ${escapeUnsafe(change.hint)}`, '');
  }
  if (report.changes.length > 0 && out[out.length - 1] !== '') out.push('');
  out.push(summary(report.result));
  return out.join('\n') + '\n';
}

export function printDiffJson(report: DiffReport): string {
  const { result } = report;
  const doc = {
    version: 1,
    mode: result.mode,
    old: report.oldFile,
    new: report.newFile,
    summary: { breaking: result.breaking, migrations: result.migrations, compatible: result.compatible },
    changes: report.changes.map((l) => ({
      code: l.change.kind.code,
      kind: l.change.kind.name,
      verdict: l.change.verdict,
      breaksUnder: l.change.breaksUnder,
      subject: l.change.subject,
      message: l.change.message,
      file: l.file,
      line: l.line,
      column: l.column,
      pointer: l.change.pointer,
      ...(l.old ? { old: { ...l.old, pointer: l.change.oldPointer } } : {}),
      hint: l.change.hint,
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The kinds as rules, for SARIF's rule list. */
export const DIFF_RULES: readonly RuleInfo[] = ALL_KINDS.map((k) => ({
  code: k.code,
  name: k.name,
  severity: 'error',
  summary: k.summary,
  hint: k.hint,
  docs: `${k.summary} Whether it breaks consumers depends on the change and on --mode (backward, forward, full); see docs/diff.md.`,
  messages: { change: '{{message}}' },
  examples: { fails: [], passes: [] },
}));

/** Breaking changes as errors, migrations as warnings. */
export function changeDiagnostics(report: DiffReport): Diagnostic[] {
  return report.changes
    .filter((l) => l.change.verdict !== 'compatible')
    .map((l) => ({
      code: l.change.kind.code,
      severity: l.change.verdict === 'breaking' ? 'error' : 'warning',
      messageId: 'change',
      message: l.change.message,
      data: { message: l.change.message },
      file: l.file,
      line: l.line,
      column: l.column,
      pointer: l.change.pointer,
      hint: l.change.hint,
    }));
}
