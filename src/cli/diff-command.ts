/**
 * `msa-gen diff <old> <new>` and `msa-gen diff --base <ref> <model>`: both models through the
 * whole validation pipeline (a model with errors is reported as `validate` reports it, exit 1),
 * then every change of their event and command contracts, classified under --mode. Exit 1 when
 * a change breaks consumers, 0 otherwise (migrations and compatible changes included).
 */
import { validate } from '../core/validate.js';
import { diffModels, type Mode } from '../core/diff/index.js';
import { loadModelText } from '../model/load.js';
import { CATALOGUE } from '../model/rules/index.js';
import type { ModelInput } from '../model/source.js';
import { displayPath, readModelFile } from './files.js';
import { readModelAtRevision } from './git-show.js';
import { EXIT, UsageError, colorLevel, type CliIO } from './io.js';
import { changeDiagnostics, DIFF_RULES, printDiffJson, printDiffText, type DiffReport, type LocatedChange } from './printers/diff.js';
import { printGithub } from './printers/github.js';
import { printJson } from './printers/json.js';
import { printSarif } from './printers/sarif.js';
import { printText, summaryLine } from './printers/text.js';
import { version } from './version.js';

export interface DiffOptions {
  readonly format: 'text' | 'json' | 'sarif' | 'github';
  readonly mode: Mode;
  /** A git revision to read the old model from. */
  readonly base?: string | undefined;
  readonly maxSize?: number | undefined;
}

interface Side {
  readonly file: string;
  readonly input: ModelInput;
}

async function sides(models: readonly string[], opts: DiffOptions, io: CliIO): Promise<[Side, Side]> {
  if (opts.base !== undefined) {
    if (models.length !== 1) throw new UsageError('diff --base <ref> takes one model: the file as it is now');
    const path = models[0]!;
    const current = await readModelFile(io.cwd, path, opts.maxSize);
    const old = await readModelAtRevision(io, opts.base, path, opts.maxSize);
    const file = displayPath(io.cwd, path);
    return [
      { file: `${opts.base}:${file}`, input: old },
      { file, input: current },
    ];
  }
  if (models.length !== 2) throw new UsageError('diff takes two models, <old> <new>, or --base <ref> and one model');
  const [a, b] = await Promise.all(models.map((m) => readModelFile(io.cwd, m, opts.maxSize)));
  return [
    { file: displayPath(io.cwd, models[0]!), input: a! },
    { file: displayPath(io.cwd, models[1]!), input: b! },
  ];
}

/** A pointer's line and column in a model text (the text is valid: it loaded once already). */
function locator(file: string, input: ModelInput): (pointer: string) => { file: string; line: number; column: number } {
  const loaded = typeof input === 'string' ? loadModelText(file, input) : undefined;
  return (pointer) => {
    if (!loaded?.ok) return { file, line: 1, column: 1 };
    const at = loaded.map.locate(pointer);
    return { file, ...loaded.map.source.position(at.keyStart ?? at.start) };
  };
}

export async function diffCommand(models: readonly string[], opts: DiffOptions, io: CliIO): Promise<number> {
  if (opts.base !== undefined && models.length === 2) throw new UsageError('diff --base <ref> takes one model: the file as it is now');
  const [before, after] = await sides(models, opts, io);
  const findings = validate({ models: [before, after] });
  const [oldModel, newModel] = findings.models;
  if (findings.errors > 0 || !oldModel?.model || !newModel?.model) {
    const { diagnostics } = findings;
    const files = [before.file, after.file];
    if (opts.format === 'json') io.stdout.write(printJson(diagnostics, files));
    else if (opts.format === 'sarif') io.stdout.write(printSarif(diagnostics, { version: version(), rules: CATALOGUE }));
    else if (opts.format === 'github') io.stdout.write(printGithub(diagnostics));
    else {
      const color = colorLevel(io, io.stdout);
      io.stdout.write(printText(diagnostics, { color, sources: findings.sources }));
      io.stdout.write(summaryLine(diagnostics, 2, color));
      io.stderr.write('msa-gen: diff compares valid models only; fix the errors above first\n');
    }
    return EXIT.findings;
  }
  const result = diffModels(oldModel.model, newModel.model, opts.mode);
  const locateNew = locator(after.file, after.input);
  const locateOld = locator(before.file, before.input);
  const changes: LocatedChange[] = result.changes.map((change) => ({
    change,
    ...locateNew(change.pointer),
    old: change.oldPointer === undefined ? undefined : locateOld(change.oldPointer),
  }));
  const report: DiffReport = { oldFile: before.file, newFile: after.file, result, changes };
  switch (opts.format) {
    case 'json':
      io.stdout.write(printDiffJson(report));
      break;
    case 'sarif':
      io.stdout.write(printSarif(changeDiagnostics(report), { version: version(), rules: DIFF_RULES }));
      break;
    case 'github':
      io.stdout.write(printGithub(changeDiagnostics(report)));
      break;
    default:
      io.stdout.write(printDiffText(report, { color: colorLevel(io, io.stdout), source: findings.sources.get(after.file) }));
  }
  return result.breaking > 0 ? EXIT.findings : EXIT.ok;
}
