/**
 * The validation pipeline: load (positions kept) → schema → resolve → rules → diagnostics.
 * Pure: takes the text, returns data. Never throws for any input text.
 */
import { sortDiagnostics, type Diagnostic } from './diagnostic.js';
import type { Finding } from './finding.js';
import type { Model } from './ir.js';
import { loadModelText, type LoadFailure, type SourceMap } from './load.js';
import type { RawModel } from './raw.js';
import { resolveModel } from './resolve.js';
import { CATALOGUE, MODEL_RULES } from './rules/index.js';
import { renderFinding } from './rules/message.js';
import type { Rule, RuleInfo } from './rules/rule.js';
import { checkSchema } from './schema.js';
import { SourceText, type ModelInput } from './source.js';
import { clipPointer } from './text.js';
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
  /** False: the IR is not frozen (resolve.ts ResolveOptions), for a caller that only reads it. */
  readonly freeze?: boolean;
}

const INFO = new Map(CATALOGUE.map((r) => [r.code, r]));

function info(code: string): RuleInfo {
  const found = INFO.get(code);
  if (!found) throw new Error(`unknown rule code ${code}`);
  return found;
}

/** The loader words its findings itself: each of its rules has one message that shows that text. */
const LOADER_MESSAGE: Record<LoadFailure['code'], string> = {
  MSA001: 'syntaxError',
  MSA002: 'duplicateKey',
  MSA003: 'aliasLimit',
  MSA004: 'depthLimit',
};

/**
 * A diagnostic with its texts made and bounded once, for every printer: the message and hint
 * from the rule's templates, with quoted model strings clipped (a name may be megabytes long)
 * and long pointer tokens too.
 */
function diagnostic(rule: RuleInfo, file: string, at: { line: number; column: number }, finding: Finding): Diagnostic {
  const { messageId, message, hint, data } = renderFinding(rule, finding);
  return {
    code: rule.code,
    severity: rule.severity,
    messageId,
    message,
    data,
    file,
    line: at.line,
    column: at.column,
    pointer: clipPointer(finding.pointer),
    hint,
  };
}

export function locateFinding(map: SourceMap, rule: RuleInfo, finding: Finding, file: string): Diagnostic {
  const loc = map.locate(finding.pointer);
  const offset = finding.on === 'key' && loc.keyStart !== undefined ? loc.keyStart : loc.start;
  return diagnostic(rule, file, map.source.position(offset), finding);
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
      diagnostics: [
        diagnostic(info('MSA001'), file, source.position(input.offset), {
          pointer: '',
          messageId: 'unreadable',
          data: { text: input.message, hint: input.hint },
        }),
      ],
    };
  }
  const loaded = loadModelText(file, input);
  if (!loaded.ok) {
    const rule = info(loaded.code);
    return {
      source: loaded.source,
      model: undefined,
      valid: undefined,
      diagnostics: [
        diagnostic(rule, file, loaded.source.position(loaded.offset), {
          pointer: '',
          messageId: LOADER_MESSAGE[loaded.code],
          data: { text: loaded.message },
        }),
      ],
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
  const model = resolveModel(loaded.value as RawModel, file, { freeze: options.freeze ?? true });
  const diagnostics: Diagnostic[] = [];
  for (const rule of options.rules ?? MODEL_RULES) {
    const findings: Finding[] = [];
    try {
      rule.check(model, (f) => findings.push(f));
    } catch (error) {
      throw new RuleError(rule.code, error);
    }
    for (const f of findings) diagnostics.push(locateFinding(loaded.map, rule, f, file));
  }
  const clean = options.rules === undefined && !diagnostics.some((d) => d.severity === 'error');
  return { source: loaded.map.source, model, valid: clean ? asValid(model) : undefined, diagnostics: sortDiagnostics(diagnostics) };
}
