/**
 * src/core/: msa-gen's use cases as functions, called by the CLI and by any later command
 * (export, board, diff): `validate(request) → Findings` here, `scaffold(request) → outcome` in
 * scaffold.ts. The core runs the pipeline and decides nothing about argv, exit codes or
 * printing; it takes its ports (the output folder's file system, the host, the templates, the
 * tool's version) as parameters and never touches `fs`, `process` or the console itself.
 *
 * This module imports the model layer only: `msa-gen validate` never loads the generators, the
 * output stage or the TypeScript compiler.
 */
import { countBySeverity, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { ModelInput, SourceText } from '../model/source.js';
import { validateModelText, type ValidationResult } from '../model/validate.js';

/** A model file as the core gets it: the name to report it under, and its text (or why there is none). */
export interface ModelSource {
  /** The path to show in findings (as the user gave it). */
  readonly file: string;
  readonly input: ModelInput;
}

export interface ValidateRequest {
  readonly models: readonly ModelSource[];
  /**
   * False: each model's IR is left unfrozen, for a caller that reads its findings and counts
   * and hands the IR to nothing else (`msa-gen validate`). Frozen by default.
   */
  readonly freeze?: boolean;
}

/** One model's findings: its text (for excerpts), its diagnostics, its IR, and the ValidModel when it has no errors. */
export interface ModelFindings extends ValidationResult {
  readonly file: string;
  readonly errors: number;
  readonly warnings: number;
}

export interface Findings {
  /** Per model, in the order of the request. */
  readonly models: readonly ModelFindings[];
  /** Every model's diagnostics, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** Each model's text by file, for the printers' excerpts. */
  readonly sources: ReadonlyMap<string, SourceText>;
  readonly errors: number;
  readonly warnings: number;
}

/** Validates one model: schema, resolution, every rule. */
export function validateModel(model: ModelSource, freeze = true): ModelFindings {
  const result = validateModelText(model.file, model.input, { freeze });
  return { ...result, file: model.file, ...countBySeverity(result.diagnostics) };
}

/** Validates each model of the request. Never throws for any model text (a failing rule is an internal error). */
export function validate(request: ValidateRequest): Findings {
  const models = request.models.map((m) => validateModel(m, request.freeze ?? true));
  const diagnostics = sortDiagnostics(models.flatMap((m) => m.diagnostics));
  return {
    models,
    diagnostics,
    sources: new Map(models.map((m) => [m.file, m.source])),
    ...countBySeverity(diagnostics),
  };
}
