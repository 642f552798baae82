/**
 * A few whole models checked end to end, as a user sees them: `msa-gen validate` in the text
 * format, every finding of every rule with its source line, caret and hint, and the summary.
 * The per-rule tests (test/rules/) pin message ids and positions; these golden files pin the
 * words, so they change when a message of a rule they show is reworded (UPDATE_GOLDEN=1).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { expectGolden } from '../support/golden.js';
import { memoryIO } from '../support/io.js';

const root = join(import.meta.dirname, '..', '..');
const cases = join(import.meta.dirname, '..', 'fixtures', 'end-to-end');

describe('msa-gen validate, whole models end to end', () => {
  for (const name of readdirSync(cases).sort()) {
    it(`${name}: exits 1 with the findings of expected.txt`, async () => {
      const io = memoryIO(root, { NO_COLOR: '1' });
      expect(await run(['validate', `test/fixtures/end-to-end/${name}/model.yaml`], io)).toBe(1);
      expectGolden(join(cases, name, 'expected.txt'), io.out());
    });
  }
});
