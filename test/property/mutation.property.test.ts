/**
 * Mutation fuzz of models/gov24.yaml (arbitraries/mutation.ts): no mutant makes validate or
 * scaffold exit 2, and a mutant validate finds no error in scaffolds inside -o. A fixed-seed
 * sample of `npm run fuzz -- --kind mutation`.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxRoot, type SandboxRoot } from '../support/sandbox.js';
import { mutantCase } from './arbitraries/mutation.js';
import type { Concern } from './oracles.js';
import { caseProperty, yamlReporter } from './properties.js';
import { FAILURES_DIR, GOV24, RUNS, SEED, TIME_LIMIT_MS } from './settings.js';

describe('mutants of models/gov24.yaml', () => {
  const source = readFileSync(GOV24, 'utf8');
  let root: SandboxRoot;
  beforeAll(() => {
    root = sandboxRoot();
  });
  afterAll(() => root.dispose());

  it('differ from gov24, and about a quarter of them by raw-text mutations', () => {
    const cases = fc.sample(mutantCase(source), { seed: SEED.mutation, numRuns: RUNS.mutation });
    const original = JSON.stringify(load(source));
    const changed = cases.filter((c) => {
      try {
        return JSON.stringify(load(c.yaml)) !== original;
      } catch {
        return true; // no longer YAML: changed
      }
    });
    expect(changed.length).toBeGreaterThan(RUNS.mutation * 0.8);
    const raw = cases.filter((c) => c.bytes !== undefined).length;
    expect(raw).toBeGreaterThan(RUNS.mutation * 0.1);
    expect(raw).toBeLessThan(RUNS.mutation * 0.5);
  });

  const check = (concern: Concern) =>
    fc.assert(caseProperty(mutantCase(source), root.dir, { concerns: [concern] }), {
      seed: SEED.mutation,
      numRuns: RUNS.mutation,
      interruptAfterTimeLimit: TIME_LIMIT_MS,
      plugins: [yamlReporter('mutation', FAILURES_DIR)],
    });

  it('never make validate or scaffold exit 2, and scaffold inside -o when validate finds no error', () => check('scaffold'), 300_000);

  it('scaffold a well-formed platform when validate finds no error', () => check('platform'), 300_000);

  it('never make the printers pass control characters or workflow commands through', () => check('printers'), 300_000);
});
