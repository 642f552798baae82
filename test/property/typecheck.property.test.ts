/**
 * A sample of the platforms scaffolded from drawn models type-checks: the first models of a
 * fixed seed that validate clean (honest and twisted alike), scaffolded through the CLI and
 * compiled together by one tsc program (support/typecheck.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateModelText } from '../../src/model/validate.js';
import { sandboxRoot, type SandboxRoot } from '../support/sandbox.js';
import { typecheckPlatforms } from '../support/typecheck.js';
import { modelCase } from './arbitraries/cases.js';
import { judgeCase } from './properties.js';
import { RUNS, SEED } from './settings.js';

describe('platforms scaffolded from drawn models', () => {
  let root: SandboxRoot;
  beforeAll(() => {
    root = sandboxRoot('msa-gen-typecheck-');
  });
  afterAll(() => root.dispose());

  it(`type-check (a sample of ${RUNS.typecheck})`, async () => {
    const clean = fc
      .sample(modelCase(), { seed: SEED.typecheck, numRuns: RUNS.typecheck * 5 })
      .filter((c) => validateModelText('model.yaml', c.yaml).diagnostics.every((d) => d.severity !== 'error'))
      .slice(0, RUNS.typecheck);
    expect(clean).toHaveLength(RUNS.typecheck);
    const platforms: string[] = [];
    const notes = new Map<string, readonly string[]>();
    for (const c of clean) {
      const judged = await judgeCase(root.dir, c, { keep: true });
      // Failing scaffolds are the other properties' findings; type-check what was written.
      if (judged.written) {
        platforms.push(judged.outDir);
        notes.set(judged.outDir, c.notes);
      }
    }
    expect(platforms.length).toBeGreaterThanOrEqual(RUNS.typecheck / 2);
    const errors = [...typecheckPlatforms(root.dir, platforms)].filter(([, e]) => e.length > 0);
    expect(errors.map(([dir, e]) => ({ twists: notes.get(dir), errors: e.slice(0, 5) }))).toEqual([]);
  }, 300_000);
});
