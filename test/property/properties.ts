/**
 * The properties as fast-check sees them, and the reporting shared by `npm test` and
 * `npm run fuzz`: a case runs in a sandbox and is judged by the oracles; a failure is reported
 * with its seed and path (fast-check's replay) and the counterexample as YAML, also written to a
 * file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { runModel } from '../support/sandbox.js';
import { escapeNote } from './arbitraries/cases.js';
import { concern, judge, signature, type Concern, type Violation, type ViolationCode } from './oracles.js';

/** A model file to try: its text, or its exact bytes when they are not valid UTF-8 text. */
export interface Case {
  readonly yaml: string;
  readonly bytes?: Uint8Array;
  readonly notes: readonly string[];
}

export interface Judged {
  /** validate found no error (and exited 0 or 1 with readable JSON). */
  readonly clean: boolean;
  /** Error codes validate reported. */
  readonly codes: readonly string[];
  readonly validateExit: number;
  readonly scaffoldExit: number;
  readonly written: boolean;
  readonly violations: readonly Violation[];
  /** The sandbox's output folder when kept. */
  readonly outDir: string;
}

export interface JudgeOptions {
  /** Keep the sandbox (type-check samples). */
  readonly keep?: boolean;
  /** Check the generated platform too (default): skipped when shrinking a cause of another concern. */
  readonly platform?: boolean;
}

/**
 * Judgements of recent cases, by content: the properties of one test file draw the same cases
 * (same seed) and differ only in the oracles they count, so each case runs once.
 */
const recent = new Map<string, Judged & { readonly platformChecked: boolean }>();
const RECENT_MAX = 500;

const keyOf = (c: Case) => createHash('sha256').update(c.bytes ?? c.yaml).digest('hex');

/** Runs one case in a fresh sandbox under `root` and judges it. Clean models are written for real. */
export async function judgeCase(root: string, c: Case, options: JudgeOptions = {}): Promise<Judged> {
  const platform = options.platform ?? true;
  const key = options.keep ? undefined : keyOf(c);
  const known = key === undefined ? undefined : recent.get(key);
  if (known && (known.platformChecked || !platform)) return known;
  const judged = await judgeFresh(root, c, options);
  if (key !== undefined) {
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
    recent.set(key, { ...judged, platformChecked: platform });
  }
  return judged;
}

async function judgeFresh(root: string, c: Case, options: JudgeOptions): Promise<Judged> {
  const outcome = await runModel(root, c.bytes ?? c.yaml, { write: true, keep: options.keep ?? false });
  try {
    const violations = await judge(outcome, { platform: options.platform ?? true });
    return {
      clean: outcome.validate.exit !== 2 && outcome.validate.jsonError === undefined && outcome.validate.errors === 0,
      codes: outcome.validate.codes,
      validateExit: outcome.validate.exit,
      scaffoldExit: outcome.scaffold.exit,
      written: outcome.scaffold.mode === 'write' && outcome.scaffold.exit === 0,
      violations,
      outDir: outcome.outDir,
    };
  } finally {
    outcome.dispose();
  }
}

/** Thrown by a property for a case that breaks an oracle. */
export class ViolationError extends Error {
  readonly violations: readonly Violation[];
  constructor(violations: readonly Violation[]) {
    super(violations.map((v) => `${v.code}: ${v.message}`).join('\n'));
    this.name = 'ViolationError';
    this.violations = violations;
  }
}

/** Which violations a property counts: those of some concerns, or of one signature. */
export type Counted = { readonly concerns: readonly Concern[] } | { readonly signature: string };

export function counts(counted: Counted, v: Violation): boolean {
  return 'signature' in counted ? signature(v) === counted.signature : counted.concerns.includes(concern(v.code)) || v.code === 'harness-error';
}

/**
 * The property: no case breaks a counted oracle. The fuzzer counts one signature at a time
 * when it shrinks, so that shrinking never drifts from one cause to another.
 */
export function caseProperty<C extends Case>(arbitrary: fc.Arbitrary<C>, root: string, counted: Counted): fc.IAsyncPropertyWithHooks<[C]> {
  // Properties that count concerns share their cases (one seed) and the judgements of them:
  // judge everything. Shrinking one cause of another concern skips the costly platform checks.
  const platform = 'signature' in counted ? concern(counted.signature.slice(0, counted.signature.indexOf(':')) as ViolationCode) === 'platform' : true;
  return fc.asyncProperty(arbitrary, async (c) => {
    const { violations } = await judgeCase(root, c, { platform });
    const failing = violations.filter((v) => counts(counted, v));
    if (failing.length > 0) throw new ViolationError(failing);
  });
}

// ---------------------------------------------------------------------------------------------
// Reporting

export interface Counterexample {
  /** The file the counterexample was written to. */
  readonly file: string;
  readonly report: string;
}

const MAX_SHOWN = 6_000;

/** Writes a failing case to `dir` and returns a report: violations, replay, notes, the model as YAML. */
export function describeFailure(kind: string, c: Case, violations: readonly Violation[], seed: number, path: string, dir: string, name?: string): Counterexample {
  mkdirSync(dir, { recursive: true });
  // Shrink paths get long: past a few steps, the file is named after the run and a hash of the path.
  const steps = path.split(':');
  const pathPart = steps.length <= 8 ? steps.join('_') : `${steps[0]}-${createHash('sha256').update(path).digest('hex').slice(0, 10)}`;
  const file = join(dir, `${name ?? `${kind}-seed${seed}-path${pathPart}`}.yaml`);
  const shownFile = relative(process.cwd(), file);
  writeFileSync(file, c.bytes ?? c.yaml);
  const shown = c.yaml.length > MAX_SHOWN ? `${c.yaml.slice(0, MAX_SHOWN)}\n# … ${c.yaml.length - MAX_SHOWN} more characters: see the file` : c.yaml;
  const report = [
    ...violations.map((v) => `  ✗ ${v.code}: ${escapeNote(v.message)}`),
    `  replay: npm run fuzz -- --kind ${kind} --seed ${seed} --path ${path}`,
    `  (fast-check: { seed: ${seed}, path: "${path}", endOnFailure: true })`,
    `  counterexample written to ${shownFile}`,
    ...(c.notes.length > 0 ? ['  what was done to the model:', ...c.notes.map((n) => `    - ${escapeNote(n)}`)] : []),
    '  model:',
    ...escapeNote(shown)
      .replace(/\\u\{a\}/g, '\n')
      .split('\n')
      .map((l) => `    ${l}`),
  ].join('\n');
  return { file, report };
}

/** A fast-check plugin that reports a failure with the counterexample as YAML. */
export function yamlReporter<C extends Case>(kind: string, dir: string): fc.Plugin<[C]> {
  return () => ({
    onAllRunsComplete: (details) => {
      if (!details.failed) return;
      if (details.counterexample === null) throw new Error(fc.defaultReportMessage(details));
      const [c] = details.counterexample;
      const violations = details.errorInstance instanceof ViolationError ? details.errorInstance.violations : [{ code: 'harness-error' as const, message: String(details.errorInstance), cause: 'the harness threw' }];
      const { report } = describeFailure(kind, c, violations, details.seed, details.counterexamplePath, dir);
      throw new Error(
        `Property failed after ${details.numRuns} runs and ${details.numShrinks} shrinks${details.interrupted ? ' (interrupted: the counterexample may not be minimal)' : ''}:\n${report}`,
      );
    },
  });
}
