/**
 * `npm run fuzz`: the property test and the mutation fuzz at full size, with any seed.
 *
 *   npm run fuzz -- [--kind model|mutation|all] [--seed N] [--runs N] [--typecheck N]
 *                   [--shrink-seconds S] [--reduce-seconds S] [--path P]
 *
 * Explores `--runs` cases of each kind (10,000 by default), counts what validate found (clean,
 * with errors, by rule) and every violation of the oracles, grouped by cause; then shrinks one
 * case of each cause with fast-check (counting only that cause, so shrinking never drifts to
 * another) and writes the minimal model under .tmp/fuzz/<seed>/, then reduces it further by
 * deleting parts while the same cause fails (reduce.ts). `--path` replays one case
 * (fast-check's seed + path, endOnFailure) and reports it. Exits 1 when anything failed.
 *
 * scripts/fuzz.mjs bundles this file with esbuild and runs it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { sandboxRoot } from '../support/sandbox.js';
import { typecheckPlatforms } from '../support/typecheck.js';
import { escapeNote, modelCase } from './arbitraries/cases.js';
import { mutantCase } from './arbitraries/mutation.js';
import { CONCERNS, concern, pathPattern, signature, type Violation } from './oracles.js';
import { caseProperty, describeFailure, judgeCase, ViolationError, yamlReporter, type Case, type Judged } from './properties.js';
import { reduce } from './reduce.js';
import { GOV24, REPO } from './settings.js';

type Kind = 'model' | 'mutation';

const { values: args } = parseArgs({
  options: {
    kind: { type: 'string', default: 'all' },
    seed: { type: 'string' },
    runs: { type: 'string', default: '10000' },
    path: { type: 'string' },
    typecheck: { type: 'string', default: '20' },
    'shrink-seconds': { type: 'string', default: '60' },
    'reduce-seconds': { type: 'string', default: '30' },
    out: { type: 'string' },
  },
  strict: true,
});

const seed = args.seed === undefined ? Date.now() % 2 ** 31 : Number(args.seed);
const runs = Number(args.runs);
const kinds: Kind[] = args.kind === 'all' ? ['model', 'mutation'] : [args.kind as Kind];
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1 || kinds.some((k) => k !== 'model' && k !== 'mutation')) {
  console.error('usage: npm run fuzz -- [--kind model|mutation|all] [--seed N] [--runs N] [--typecheck N] [--shrink-seconds S] [--reduce-seconds S] [--path P]');
  process.exit(2);
}
const outDir = args.out ?? join(REPO, '.tmp', 'fuzz', String(seed));
const shown = (p: string) => relative(process.cwd(), p) || '.';

function arbitrary(kind: Kind): fc.Arbitrary<Case> {
  // The fuzzer also draws multi-megabyte text (rare, slow): `npm test` does not.
  return kind === 'model' ? modelCase({ huge: true }) : mutantCase(readFileSync(GOV24, 'utf8'));
}

/** The case's text when its bytes are exactly that text (a raw mutant may hold invalid UTF-8). */
function exactText(c: Case): string | undefined {
  if (!c.bytes) return c.yaml;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(c.bytes);
  } catch {
    return undefined;
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;

interface Cause {
  readonly signature: string;
  count: number;
  readonly firstIndex: number;
  readonly first: Violation;
  readonly notes: readonly string[];
}

async function replay(kind: Kind, path: string): Promise<boolean> {
  const root = sandboxRoot();
  try {
    await fc.assert(caseProperty(arbitrary(kind), root.dir, { concerns: CONCERNS }), {
      seed,
      path,
      endOnFailure: true,
      plugins: [yamlReporter(kind, outDir)],
    });
    console.log(`${kind} seed ${seed} path ${path}: no violation`);
    return true;
  } catch (error) {
    console.log((error as Error).message);
    return false;
  } finally {
    root.dispose();
  }
}

async function fuzz(kind: Kind): Promise<{ failed: boolean; summary: string }> {
  const started = Date.now();
  const root = sandboxRoot();
  const arb = arbitrary(kind);
  let index = 0;
  let clean = 0;
  let exit2Validate = 0;
  let exit2Scaffold = 0;
  let written = 0;
  const codes = new Map<string, number>();
  const causes = new Map<string, Cause>();
  const typecheckSample: Case[] = [];
  const wantTypecheck = Number(args.typecheck);
  console.log(`\n▶ ${kind}: ${runs} cases, seed ${seed}`);

  try {
    // Exploration: the property never fails here; it records. Case i has fast-check path "i".
    await fc.assert(
      fc.asyncProperty(arb, async (c) => {
        const i = index++;
        let j: Judged;
        try {
          j = await judgeCase(root.dir, c);
        } catch (error) {
          // A bug of the harness: record it as a cause and go on.
          const message = error instanceof Error ? error.message : String(error);
          j = { clean: false, codes: [], validateExit: -1, scaffoldExit: -1, written: false, violations: [{ code: 'harness-error', message, cause: message.slice(0, 100) }], outDir: '' };
        }
        if (j.clean) clean++;
        if (j.written) written++;
        if (j.validateExit === 2) exit2Validate++;
        if (j.scaffoldExit === 2) exit2Scaffold++;
        for (const code of j.codes) codes.set(code, (codes.get(code) ?? 0) + 1);
        for (const v of j.violations) {
          const s = signature(v);
          const known = causes.get(s);
          if (known) known.count++;
          else causes.set(s, { signature: s, count: 1, firstIndex: i, first: v, notes: c.notes });
        }
        if (j.clean && typecheckSample.length < wantTypecheck && j.written && j.violations.length === 0) typecheckSample.push(c);
        if ((i + 1) % 500 === 0) {
          console.log(`  ${i + 1} cases, ${seconds(Date.now() - started)}: ${pct(clean, i + 1)} clean, ${causes.size} causes of failure so far`);
        }
      }),
      { seed, numRuns: runs },
    );
    const explored = Date.now() - started;

    // Shrink one case of each cause, counting only that cause.
    const found: string[] = [];
    const sorted = [...causes.values()].sort((a, b) => concern(a.first.code).localeCompare(concern(b.first.code)) || b.count - a.count);
    for (const [n, cause] of sorted.entries()) {
      const t = Date.now();
      const details = await fc.check(caseProperty(arb, root.dir, { signature: cause.signature }), {
        seed,
        path: String(cause.firstIndex),
        interruptAfterTimeLimit: Number(args['shrink-seconds']) * 1000,
      });
      const name = `${kind}-${String(n + 1).padStart(2, '0')}-${cause.first.code}`;
      if (!details.failed || details.counterexample === null) {
        found.push(`  ${n + 1}. [${cause.count}×] ${cause.signature}\n     NOT REPRODUCED at seed ${seed} path ${cause.firstIndex}: a nondeterministic case`);
        continue;
      }
      const shrunk = details.counterexample[0];
      const violations = details.errorInstance instanceof ViolationError ? details.errorInstance.violations : [cause.first];
      const { file, report } = describeFailure(kind, shrunk, violations, seed, details.counterexamplePath, outDir, name);
      writeFileSync(file.replace(/\.yaml$/, '.txt'), `${report}\n`);
      // Reduce further (deleting parts while the same cause fails), for people and regression files.
      const platform = concern(cause.first.code) === 'platform';
      const text = exactText(shrunk);
      let reducedLine = '     not reduced: the file is not valid UTF-8';
      if (text !== undefined) {
        const r = await reduce(
          text,
          async (candidate) => (await judgeCase(root.dir, { yaml: candidate, notes: [] }, { platform })).violations.some((v) => signature(v) === cause.signature),
          Number(args['reduce-seconds']) * 1000,
        );
        const header = [`# ${cause.signature}`, `# e.g. ${violations[0]!.message}`, `# found by: npm run fuzz -- --kind ${kind} --seed ${seed} --path ${details.counterexamplePath}`]
          .map((l) => escapeNote(l))
          .join('\n');
        const reducedFile = file.replace(/\.yaml$/, '.reduced.yaml');
        writeFileSync(reducedFile, `${header}\n${r.text}`);
        reducedLine = `     reduced in ${r.attempts} attempts: ${shown(reducedFile)} (${r.text.length} characters)`;
      }
      found.push(
        [
          `  ${n + 1}. [${cause.count}× in ${runs}, first at case ${cause.firstIndex}] ${cause.signature}`,
          `     e.g. ${escapeNote(violations[0]!.message).slice(0, 300)}`,
          `     shrunk in ${details.numShrinks} steps, ${seconds(Date.now() - t)}${details.interrupted ? ' (time limit: may not be minimal)' : ''}: ${shown(file)} (${shrunk.yaml.length} characters)`,
          `     replay: npm run fuzz -- --kind ${kind} --seed ${seed} --path ${details.counterexamplePath}`,
          reducedLine,
        ].join('\n'),
      );
    }

    // Type-check a sample of the clean platforms; group the errors by file pattern and TS code.
    let typecheck = 'no type-check sample';
    const typecheckCauses = new Map<string, { platforms: number; example: string; file: string }>();
    if (typecheckSample.length > 0) {
      const t = Date.now();
      const tcRoot = sandboxRoot('msa-gen-fuzz-typecheck-');
      try {
        const dirs: string[] = [];
        const cases = new Map<string, Case>();
        for (const c of typecheckSample) {
          const j = await judgeCase(tcRoot.dir, c, { keep: true });
          if (!j.written) continue;
          dirs.push(j.outDir);
          cases.set(j.outDir, c);
        }
        const results = [...typecheckPlatforms(tcRoot.dir, dirs)];
        for (const [dir, errors] of results) {
          const seen = new Set<string>();
          for (const line of errors) {
            const m = /^(.+?)\(\d+,\d+\): error (TS\d+)/.exec(line);
            if (!m) continue;
            const cause = `${pathPattern(m[1]!)}: ${m[2]}`;
            if (seen.has(cause)) continue;
            seen.add(cause);
            const known = typecheckCauses.get(cause);
            if (known) {
              known.platforms++;
              continue;
            }
            mkdirSync(outDir, { recursive: true });
            const file = join(outDir, `${kind}-typecheck-${String(typecheckCauses.size + 1).padStart(2, '0')}.yaml`);
            const c = cases.get(dir)!;
            writeFileSync(file, c.bytes ?? c.yaml);
            typecheckCauses.set(cause, { platforms: 1, example: line, file });
          }
        }
        const failing = results.filter(([, e]) => e.length > 0).length;
        typecheck = `${dirs.length} platforms type-checked in ${seconds(Date.now() - t)}: ${failing === 0 ? 'no errors' : `${failing} with errors, ${typecheckCauses.size} distinct causes`}`;
        for (const [cause, { platforms, example, file }] of typecheckCauses) {
          typecheck += `\n     [${platforms} of ${dirs.length}] ${cause}\n       e.g. ${example.slice(0, 300)}\n       model: ${shown(file)}`;
        }
      } finally {
        tcRoot.dispose();
      }
    }

    const total = Date.now() - started;
    const topCodes = [...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`);
    const failures = [...causes.values()].reduce((n, c) => n + c.count, 0);
    const summary = [
      `${kind}: seed ${seed}, ${runs} cases in ${seconds(total)} (exploring ${seconds(explored)}, shrinking and type-checking ${seconds(total - explored)})`,
      `  findings: ${clean} clean (${pct(clean, runs)}), ${runs - clean} with errors (${pct(runs - clean, runs)}); ${written} platforms written`,
      `  errors by rule (models with at least one): ${topCodes.join(', ') || 'none'}`,
      `  exits of 2: validate ${exit2Validate}, scaffold ${exit2Scaffold}`,
      `  violations: ${failures} in ${causes.size} distinct causes`,
      ...found,
      `  type-check: ${typecheck}`,
    ].join('\n');
    return { failed: causes.size > 0 || typecheckCauses.size > 0, summary };
  } finally {
    root.dispose();
  }
}

async function main(): Promise<number> {
  if (args.path !== undefined) {
    let ok = true;
    for (const kind of kinds) ok = (await replay(kind, args.path)) && ok;
    return ok ? 0 : 1;
  }
  rmSync(outDir, { recursive: true, force: true });
  const started = Date.now();
  const summaries: string[] = [];
  let failed = false;
  for (const kind of kinds) {
    const r = await fuzz(kind);
    summaries.push(r.summary);
    failed ||= r.failed;
    console.log(`\n${r.summary}`);
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'summary.txt'), `${summaries.join('\n\n')}\n`);
  console.log(`\nfuzz: seed ${seed}, ${seconds(Date.now() - started)} in all; summary in ${shown(join(outDir, 'summary.txt'))}`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
