/**
 * Property test over models drawn from the schema's grammar (arbitraries/): whenever validate
 * finds no error, scaffold exits 0, writes only inside -o and generates a well-formed platform;
 * validate and scaffold never exit 2. A fixed-seed sample of `npm run fuzz -- --kind model`.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateModelText } from '../../src/model/validate.js';
import { sandboxRoot, type SandboxRoot } from '../support/sandbox.js';
import { modelCase } from './arbitraries/cases.js';
import type { Concern } from './oracles.js';
import { caseProperty, yamlReporter } from './properties.js';
import { FAILURES_DIR, RUNS, SEED, TIME_LIMIT_MS } from './settings.js';

describe('models drawn from the schema grammar', () => {
  let root: SandboxRoot;
  beforeAll(() => {
    root = sandboxRoot();
  });
  afterAll(() => root.dispose());

  it('are honest models that validate clean, and at least 30% of all drawn models do', () => {
    const cases = fc.sample(modelCase(), { seed: SEED.model, numRuns: RUNS.model });
    const errorsOf = (yaml: string) => validateModelText('model.yaml', yaml).diagnostics.filter((d) => d.severity === 'error');
    const honest = cases.filter((c) => c.notes.length === 0);
    const dirtyHonest = honest.map((c) => ({ yaml: c.yaml, errors: errorsOf(c.yaml).map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`) })).filter((c) => c.errors.length > 0);
    expect(dirtyHonest.slice(0, 1)).toEqual([]);
    const clean = cases.filter((c) => errorsOf(c.yaml).length === 0).length;
    expect(honest.length).toBeGreaterThan(RUNS.model / 4);
    expect(clean / cases.length).toBeGreaterThanOrEqual(0.3);
    // …and a good share are twisted (adversarial) too.
    expect(cases.length - honest.length).toBeGreaterThan(RUNS.model / 4);
  });

  // The three properties draw the same cases (one seed): each case runs once, each property
  // counts the violations of its own concern (oracles.ts).
  const check = (concern: Concern) =>
    fc.assert(caseProperty(modelCase(), root.dir, { concerns: [concern] }), {
      seed: SEED.model,
      numRuns: RUNS.model,
      interruptAfterTimeLimit: TIME_LIMIT_MS,
      plugins: [yamlReporter('model', FAILURES_DIR)],
    });

  it('scaffold exits 0 and writes only inside -o whenever validate finds no error; nothing exits 2', () => check('scaffold'), 300_000);

  it('the scaffolded platform is well-formed: JSON, YAML and TypeScript parse, no model text as code, unique packages, servable routes', () => check('platform'), 300_000);

  it('printers keep model text from controlling the terminal or starting a CI workflow command', () => check('printers'), 300_000);
});
