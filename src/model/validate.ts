/**
 * The validation pipeline: load (positions kept) → schema → resolve → rules → diagnostics.
 * Pure: takes the text, returns data. Never throws for any input text.
 */
import { sortDiagnostics, type Diagnostic } from './diagnostic.js';
import type { Finding } from './finding.js';
import type { Model } from './ir.js';
import { loadModelText, type SourceMap } from './load.js';
import type { RawModel } from './raw.js';
import { resolveModel } from './resolve.js';
import { CATALOGUE, MODEL_RULES } from './rules/index.js';
import type { Rule, RuleInfo } from './rules/rule.js';
import { checkSchema } from './schema.js';
import { SourceText, type ModelInput } from './source.js';
import { clipPointer, clipQuoted } from './text.js';
import { asValid, type ValidModel } from './valid.js';

export interface ValidationResult {
  readonly source: SourceText;
  /** Sorted and de-duplicated. */
  readonly diagnostics: readonly Diagnostic[];
  /** The resolved model, when the file loaded and matched the schema. */
  readonly model: Model | undefined;
  /**
   * The same model once every rule ran and none reported an error: the only input the
   * generators take. Undefined when there are errors, or when only some rules ran.
   */
  readonly valid: ValidModel | undefined;
}

export interface ValidateOptions {
  /** Rules to run; all of them by default (tests run one at a time). */
  readonly rules?: readonly Rule[];
}

const INFO = new Map(CATALOGUE.map((r) => [r.code, r]));

function info(code: string): RuleInfo {
  const found = INFO.get(code);
  if (!found) throw new Error(`unknown rule code ${code}`);
  return found;
}

/**
 * A diagnostic with its texts bounded once, for every printer: quoted model strings in the
 * message and hint clipped (a name may be megabytes long), long pointer tokens too.
 */
function diagnostic(rule: RuleInfo, file: string, at: { line: number; column: number }, pointer: string, message: string, hint: string): Diagnostic {
  return {
    code: rule.code,
    severity: rule.severity,
    message: clipQuoted(message),
    file,
    line: at.line,
    column: at.column,
    pointer: clipPointer(pointer),
    hint: clipQuoted(hint),
  };
}

export function locateFinding(map: SourceMap, rule: RuleInfo, finding: Finding, file: string): Diagnostic {
  const loc = map.locate(finding.pointer);
  const offset = finding.on === 'key' && loc.keyStart !== undefined ? loc.keyStart : loc.start;
  return diagnostic(rule, file, map.source.position(offset), finding.pointer, finding.message, finding.hint ?? rule.hint);
}

/** Raised when a rule itself fails: an internal error, not a finding about the model. */
export class RuleError extends Error {
  readonly code: string;
  constructor(code: string, cause: unknown) {
    super(`rule ${code} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.code = code;
  }
}

/**
 * Validates a model file's text; a file the CLI could not decode (too large, not UTF-8) is one
 * MSA001 finding at the position it names.
 */
export function validateModelText(file: string, input: ModelInput, options: ValidateOptions = {}): ValidationResult {
  if (typeof input !== 'string') {
    const source = new SourceText(file, input.text);
    return {
      source,
      model: undefined,
      valid: undefined,
      diagnostics: [diagnostic(info('MSA001'), file, source.position(input.offset), '', input.message, input.hint)],
    };
  }
  const loaded = loadModelText(file, input);
  if (!loaded.ok) {
    const rule = info(loaded.code);
    return {
      source: loaded.source,
      model: undefined,
      valid: undefined,
      diagnostics: [diagnostic(rule, file, loaded.source.position(loaded.offset), '', loaded.message, rule.hint)],
    };
  }
  const schemaFindings = checkSchema(loaded.value);
  if (schemaFindings.length > 0) {
    const rule = info('MSA010');
    return {
      source: loaded.map.source,
      model: undefined,
      valid: undefined,
      diagnostics: sortDiagnostics(schemaFindings.map((f) => locateFinding(loaded.map, rule, f, file))),
    };
  }
  const model = resolveModel(loaded.value as RawModel, file);
  const diagnostics: Diagnostic[] = [];
  for (const rule of options.rules ?? MODEL_RULES) {
    let findings: Finding[];
    try {
      findings = rule.check(model);
    } catch (error) {
      throw new RuleError(rule.code, error);
    }
    for (const f of findings) diagnostics.push(locateFinding(loaded.map, rule, f, file));
  }
  const clean = options.rules === undefined && !diagnostics.some((d) => d.severity === 'error');
  return { source: loaded.map.source, model, valid: clean ? asValid(model) : undefined, diagnostics: sortDiagnostics(diagnostics) };
}
